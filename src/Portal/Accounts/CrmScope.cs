using System.Security.Claims;

namespace Certification.Portal.Accounts;

/// <summary>
/// Which clients' data the signed-in user may read in the CRM: all of them for a training
/// administrator, only their own organisation for a partner administrator, none otherwise.
/// Every CRM query and page takes its scope from here, so the rule is written once.
/// </summary>
public sealed record CrmScope(bool AllClients, Guid? ClientId)
{
    public static CrmScope None { get; } = new(false, null);

    public static CrmScope For(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.TrainingAdmin))
        {
            return new CrmScope(true, null);
        }

        return user.IsInRole(Roles.PartnerAdmin) && Guid.TryParse(user.FindFirstValue(PortalClaims.ClientId), out var clientId)
            ? new CrmScope(false, clientId)
            : None;
    }

    public bool CanRead(Guid? clientId) => AllClients || (clientId is not null && clientId == ClientId);
}
