namespace Certification.Portal.Accounts;

public sealed class AccountForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
    public Guid? ClientId { get; set; }
    public bool IsDisabled { get; set; }
    public string? Password { get; set; }

    /// <summary>A password the administrator sets is a starting password unless they say otherwise.</summary>
    public bool MustChangePassword { get; set; } = true;

    /// <summary>Kept as it is: the account form does not edit which person an account belongs to.</summary>
    public Guid? PersonId { get; set; }

    public AccountDetails ToDetails() =>
        new(Email ?? string.Empty, DisplayName ?? string.Empty, Roles, ClientId, IsDisabled, PersonId, MustChangePassword);

    public static AccountForm From(UserAccount account) => new()
    {
        Email = account.Email,
        DisplayName = account.DisplayName,
        Roles = [.. account.Roles],
        ClientId = account.ClientId,
        IsDisabled = account.IsDisabled,
        PersonId = account.PersonId,
    };
}
