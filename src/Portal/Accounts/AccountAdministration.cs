using Certification.Common;
using Microsoft.AspNetCore.Identity;

namespace Certification.Portal.Accounts;

/// <summary>What a system administrator does to accounts: the rules are checked here, not in the pages.</summary>
public sealed class AccountAdministration(UserStore users, IPasswordHasher<UserAccount> hasher)
{
    public async Task<(Guid? Id, List<FieldError> Errors)> CreateAsync(AccountDetails details, string? password)
    {
        var (normalized, errors) = AccountRules.Check(details, password, passwordRequired: true);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var id = Guid.NewGuid();
        var hash = hasher.HashPassword(Placeholder(id, normalized), password!);
        return await users.CreateAsync(id, normalized, hash)
            ? (id, errors)
            : (null, [new FieldError("Email", AccountRules.EmailTaken)]);
    }

    public async Task<List<FieldError>> UpdateAsync(Guid id, AccountDetails details, string? newPassword)
    {
        var (normalized, errors) = AccountRules.Check(details, newPassword, passwordRequired: false);
        if (errors.Count > 0)
        {
            return errors;
        }

        // The last enabled system administrator cannot lose the role or be disabled: nobody could manage accounts any more.
        var staysAdmin = normalized.Roles.Contains(Roles.SystemAdmin) && !normalized.IsDisabled;
        if (!staysAdmin && await users.FindByIdAsync(id) is { } current &&
            current.Roles.Contains(Roles.SystemAdmin) && !current.IsDisabled &&
            await users.CountActiveWithRoleAsync(Roles.SystemAdmin, id) == 0)
        {
            return [new FieldError("Roles", AccountRules.LastSystemAdmin)];
        }

        var hash = string.IsNullOrEmpty(newPassword) ? null : hasher.HashPassword(Placeholder(id, normalized), newPassword);
        return await users.UpdateAsync(id, normalized, hash) ? [] : [new FieldError("Email", AccountRules.EmailTaken)];
    }

    /// <summary>A user replaces their password (a starting one, or by choice), proving they know the current one.</summary>
    public async Task<(UserAccount? Account, List<FieldError> Errors)> ChangeOwnPasswordAsync(
        Guid id, string? currentPassword, string? newPassword, string? confirmation)
    {
        if (await users.FindByIdAsync(id) is not { IsDisabled: false } account ||
            hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword ?? string.Empty) == PasswordVerificationResult.Failed)
        {
            return (null, [new FieldError("CurrentPassword", AccountRules.CurrentPasswordWrong)]);
        }

        var errors = new List<FieldError>();
        AccountRules.CheckPassword(errors, "NewPassword", newPassword, account.Email);
        if (errors.Count == 0 && newPassword == currentPassword)
        {
            errors.Add(new FieldError("NewPassword", AccountRules.PasswordUnchanged));
        }

        if (errors.Count == 0 && newPassword != confirmation)
        {
            errors.Add(new FieldError("Confirmation", AccountRules.PasswordsDiffer));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await users.ChangePasswordAsync(id, hasher.HashPassword(account, newPassword!));
        return (await users.FindByIdAsync(id), errors);
    }

    // The hasher's user argument is not used by the default implementation; pass the account being written.
    private static UserAccount Placeholder(Guid id, AccountDetails details) =>
        new(id, details.Email, details.DisplayName, string.Empty, [.. details.Roles], details.ClientId, details.IsDisabled, 0, null, Guid.Empty);
}
