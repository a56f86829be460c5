namespace Certification.Portal.Accounts;

/// <summary>A sign-in account as stored in <c>user_account</c>.</summary>
public sealed record UserAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    string[] Roles,
    Guid? ClientId,
    bool IsDisabled,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    Guid SecurityStamp,
    Guid? PersonId = null,
    bool MustChangePassword = false)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>What an administrator enters when creating or changing an account.</summary>
/// <remarks>
/// <paramref name="PersonId"/> links the account to a person of the CRM: a candidate takes exams as that person.
/// <paramref name="MustChangePassword"/> makes a password the administrator set a starting password, which the
/// user replaces with their own at the next sign-in.
/// </remarks>
public sealed record AccountDetails(
    string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? ClientId, bool IsDisabled, Guid? PersonId = null, bool MustChangePassword = false);
