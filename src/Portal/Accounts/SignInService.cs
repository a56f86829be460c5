using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Certification.Portal.Accounts;

public enum SignInStatus
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInStatus Status, ClaimsPrincipal? Principal = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Checks an e-mail and password against <c>user_account</c> with ASP.NET Core Identity's hasher,
/// locking the account for a while after repeated failures.
/// </summary>
public sealed class SignInService(UserStore users, IPasswordHasher<UserAccount> hasher, TimeProvider clock)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // Verifying against a real hash when the e-mail is unknown keeps the answer time the same,
    // so response times do not tell which e-mails have accounts.
    private static readonly UserAccount Nobody = new(Guid.Empty, string.Empty, string.Empty, string.Empty, [], null, true, 0, null, Guid.Empty);
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<SignInResult> SignInAsync(string email, string password)
    {
        var account = await users.FindByEmailAsync(email);
        if (account is null || account.IsDisabled)
        {
            hasher.VerifyHashedPassword(Nobody, _decoyHash.Value, password);
            return new SignInResult(SignInStatus.InvalidCredentials);
        }

        if (account.IsLockedOut(clock.GetUtcNow()))
        {
            return new SignInResult(SignInStatus.LockedOut, LockedUntil: account.LockedUntil);
        }

        var verification = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            var lockedUntil = await users.RecordFailedSignInAsync(account.Id, MaxFailedAttempts, LockoutDuration);
            return lockedUntil is null
                ? new SignInResult(SignInStatus.InvalidCredentials)
                : new SignInResult(SignInStatus.LockedOut, LockedUntil: lockedUntil);
        }

        var rehashed = verification == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, password) : null;
        await users.RecordSuccessfulSignInAsync(account.Id, rehashed);
        return new SignInResult(SignInStatus.Succeeded, CreatePrincipal(account));
    }

    public static ClaimsPrincipal CreatePrincipal(UserAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
            new(PortalClaims.SecurityStamp, account.SecurityStamp.ToString()),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (account.ClientId is { } clientId)
        {
            claims.Add(new Claim(PortalClaims.ClientId, clientId.ToString()));
        }

        if (account.PersonId is { } personId)
        {
            claims.Add(new Claim(PortalClaims.PersonId, personId.ToString()));
        }

        if (account.MustChangePassword)
        {
            claims.Add(new Claim(PortalClaims.MustChangePassword, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
