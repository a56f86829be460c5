using Certification.Common;

namespace Certification.Portal.Accounts;

/// <summary>Rules for accounts that an administrator creates or edits.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 10;
    public const string PasswordTooShort = "password.too_short";
    public const string PasswordIsEmail = "password.is_email";
    public const string RolesRequired = "roles.required";
    public const string RoleUnknown = "roles.unknown";
    public const string PartnerNeedsClient = "partner.client_required";
    public const string PartnerNotCaretaker = "partner.not_caretaker";
    public const string EmailTaken = "email.taken";
    public const string LastSystemAdmin = "roles.last_admin";
    public const string CurrentPasswordWrong = "password.current_wrong";
    public const string PasswordUnchanged = "password.unchanged";
    public const string PasswordsDiffer = "password.confirmation_differs";

    public static (AccountDetails Normalized, List<FieldError> Errors) Check(AccountDetails details, string? newPassword, bool passwordRequired)
    {
        var errors = new List<FieldError>();
        var email = FieldRules.Email(errors, "Email", details.Email, required: true) ?? string.Empty;
        var name = FieldRules.Text(errors, "DisplayName", details.DisplayName, 200) ?? string.Empty;
        var roles = details.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add(new FieldError("Roles", RolesRequired));
        }
        else if (roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add(new FieldError("Roles", RoleUnknown));
        }

        var clientId = details.ClientId == Guid.Empty ? null : details.ClientId;
        if (roles.Contains(Roles.PartnerAdmin) && clientId is null)
        {
            errors.Add(new FieldError("ClientId", PartnerNeedsClient));
        }

        // A partner works for a client; a caretaker for the office. One account cannot be both: whose CRM would it see?
        if (roles.Contains(Roles.PartnerAdmin) && roles.Contains(Roles.AccountManager))
        {
            errors.Add(new FieldError("Roles", PartnerNotCaretaker));
        }

        if (passwordRequired || !string.IsNullOrEmpty(newPassword))
        {
            CheckPassword(errors, "Password", newPassword, email);
        }

        // The scope only means something for a partner administrator; keeping it on others would widen nothing but confuse.
        var scopedClient = roles.Contains(Roles.PartnerAdmin) ? clientId : null;
        var person = details.PersonId == Guid.Empty ? null : details.PersonId;
        return (new AccountDetails(email, name, roles, scopedClient, details.IsDisabled, person, details.MustChangePassword), errors);
    }

    public static void CheckPassword(List<FieldError> errors, string field, string? password, string email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
        {
            errors.Add(new FieldError(field, PasswordTooShort));
        }
        else if (string.Equals(password, email, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError(field, PasswordIsEmail));
        }
    }
}
