using System.Security.Claims;
using Certification.Assessment;

namespace Certification.Portal.Accounts;

/// <summary>
/// Panel members and appeal reviewers are CRM people: a staff account acts as the person it is linked to.
/// Every assessor's and reviewer's page asks these before showing or changing anything of a validation.
/// </summary>
public static class AssessorScope
{
    /// <summary>The CRM person a staff account acts as; null without one, and for a sign-in by access code.</summary>
    public static Guid? StaffPerson(this ClaimsPrincipal user) =>
        !user.HasClaim(c => c.Type == PortalClaims.AccessCode) && Guid.TryParse(user.FindFirstValue(PortalClaims.PersonId), out var person)
            ? person
            : null;

    /// <summary>The signed-in assessor's person when they sit on this validation's panel.</summary>
    public static Guid? PanelMember(this ClaimsPrincipal user, AssessmentSnapshot assessment) =>
        user.IsInRole(Roles.Assessor) && user.StaffPerson() is { } person && assessment.Panel.Contains(person) ? person : null;

    /// <summary>The signed-in person when they are the reviewer assigned to this validation's appeal.</summary>
    public static Guid? AppealReviewer(this ClaimsPrincipal user, AssessmentSnapshot assessment) =>
        (user.IsInRole(Roles.Assessor) || user.IsInRole(Roles.TrainingAdmin)) && user.StaffPerson() is { } person && assessment.Appeal?.Reviewer == person
            ? person
            : null;

    /// <summary>The account id the audit trail records as the actor.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
