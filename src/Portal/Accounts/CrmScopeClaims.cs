using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Npgsql;

namespace Certification.Portal.Accounts;

/// <summary>
/// Gives an account manager's principal, on every request, the clients in their care as
/// <c>client_caretaker</c> holds them now. The sign-in cookie never carries them: a client assigned or
/// taken away counts from the next request, and an old cookie cannot keep a client that is gone.
/// </summary>
public sealed class CrmScopeClaims(NpgsqlDataSource dataSource) : IClaimsTransformation
{
    /// <summary>The identity the claims are added in; <see cref="CrmScope"/> believes no other.</summary>
    public const string IdentityType = "cert:crm-scope";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (!principal.IsInRole(Roles.AccountManager) ||
            principal.Identities.Any(i => i.AuthenticationType == IdentityType) ||
            !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var account))
        {
            return principal;
        }

        await using var command = dataSource.CreateCommand("SELECT client_id FROM client_caretaker WHERE account_id = @account");
        command.Parameters.AddWithValue("account", account);
        var claims = new List<Claim>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                claims.Add(new Claim(PortalClaims.CaredForClient, reader.GetGuid(0).ToString()));
            }
        }

        // A copy: the authentication handler may hand out the same principal again, and the cookie is written from its own.
        var transformed = principal.Clone();
        transformed.AddIdentity(new ClaimsIdentity(claims, IdentityType));
        return transformed;
    }
}
