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

    public static IReadOnlyList<string> All { get; } =
        [SystemAdmin, TrainingAdmin, ExamOperator, Assessor, PartnerAdmin, Candidate];
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

    /// <summary>Reads CRM data: a training administrator for every client, a partner administrator for their own.</summary>
    public const string CrmReader = nameof(CrmReader);
}

/// <summary>Claim types the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    public const string ClientId = "cert:client";
    public const string SecurityStamp = "cert:stamp";

    /// <summary>The CRM person an account acts as (a candidate's own record).</summary>
    public const string PersonId = "cert:person";
}
