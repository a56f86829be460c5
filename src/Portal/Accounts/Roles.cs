using System.Security.Claims;

namespace Certification.Portal.Accounts;

/// <summary>The roles of the portal. Their names are stored with accounts: never rename.</summary>
public static class Roles
{
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string TrainingAdmin = nameof(TrainingAdmin);
    public const string ExamOperator = nameof(ExamOperator);
    public const string Assessor = nameof(Assessor);
    public const string PartnerAdmin = nameof(PartnerAdmin);
    public const string Candidate = nameof(Candidate);

    /// <summary>A client caretaker of the office ("opiekun klientów"): the CRM of the clients assigned to them, and nothing else.</summary>
    public const string AccountManager = nameof(AccountManager);

    public static IReadOnlyList<string> All { get; } =
        [SystemAdmin, TrainingAdmin, AccountManager, ExamOperator, Assessor, PartnerAdmin, Candidate];
}

/// <summary>Authorisation policies: one per role, named after it, applied to pages, hubs and API endpoints.</summary>
public static class Policies
{
    public const string SystemAdmin = Roles.SystemAdmin;
    public const string TrainingAdmin = Roles.TrainingAdmin;
    public const string ExamOperator = Roles.ExamOperator;
    public const string Assessor = Roles.Assessor;
    public const string PartnerAdmin = Roles.PartnerAdmin;
    public const string Candidate = Roles.Candidate;

    /// <summary>
    /// Reads CRM data: a training administrator for every client, an account manager for the clients in their
    /// care, a partner administrator for their own.
    /// </summary>
    public const string CrmReader = nameof(CrmReader);

    /// <summary>The office's CRM pages: training administrators, and account managers on the pages opened to them.</summary>
    public const string CrmStaff = nameof(CrmStaff);

    /// <summary>May be assigned an appeal to review: an assessor or a training administrator (each page then checks the assignment).</summary>
    public const string AppealReviewer = nameof(AppealReviewer);

    /// <summary>The office's side of certificates (lists, the register, bulk issue): system and training administrators.</summary>
    public const string CertificateOffice = nameof(CertificateOffice);

    /// <summary>Reads the platform's outgoing mail, which is full of personal data: system and training administrators.</summary>
    public const string MailReader = nameof(MailReader);
}

/// <summary>Claim types the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    public const string ClientId = "cert:client";
    public const string SecurityStamp = "cert:stamp";

    /// <summary>The CRM person an account acts as (a candidate's own record).</summary>
    public const string PersonId = "cert:person";

    /// <summary>The one sitting a sign-in by access code is limited to.</summary>
    public const string SessionId = "cert:session";

    /// <summary>The access code a candidate signed in with (instead of an account).</summary>
    public const string AccessCode = "cert:code";

    /// <summary>
    /// A client in an account manager's care. Never in the cookie: <see cref="CrmScopeClaims"/> adds these from
    /// the database on every request, so a change of caretakers takes effect on the next one.
    /// </summary>
    public const string CaredForClient = "cert:cared-client";

    /// <summary>Present while the account still has a starting password it must change.</summary>
    public const string MustChangePassword = "cert:must-change-password";
}

public static class CandidateScope
{
    /// <summary>
    /// The person a candidate takes exams as, if they may sit this session: an account reaches every
    /// session its person is on, a sign-in by access code only the session of its code.
    /// </summary>
    public static Guid? PersonFor(this ClaimsPrincipal user, Guid sessionId) =>
        Guid.TryParse(user.FindFirstValue(PortalClaims.PersonId), out var person) &&
        (user.FindFirstValue(PortalClaims.SessionId) is not { } only || only == sessionId.ToString())
            ? person
            : null;
}
