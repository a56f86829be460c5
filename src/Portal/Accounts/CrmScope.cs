using System.Security.Claims;
using Certification.Crm;

namespace Certification.Portal.Accounts;

/// <summary>
/// Which clients' data the signed-in user may read in the CRM: all of them for a training administrator,
/// the clients in their care for an account manager, only their own organisation for a partner
/// administrator, none otherwise. A client's people are those who work there now. Every CRM query and
/// page takes its scope from here, so the rule is written once; queries filter by <see cref="Clients"/>
/// in SQL, and commands hand <see cref="Grants"/> to the grains, which refuse records outside it.
/// </summary>
public sealed class CrmScope
{
    private CrmScope(bool allClients, IReadOnlyList<Guid> clients, Guid? clientId)
    {
        AllClients = allClients;
        Clients = clients;
        ClientId = clientId;
    }

    /// <summary>
    /// The CRM pages an account manager may open, each showing only what <see cref="For"/> reaches. The rest of the
    /// CRM (new clients, custom field setup, import, caretakers) is the training administrators'.
    /// </summary>
    public static IReadOnlySet<string> AccountManagerPages { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "/Crm/Clients/Index", "/Crm/Clients/Details", "/Crm/Clients/Edit", "/Crm/Clients/History",
        "/Crm/People/Index", "/Crm/People/Details", "/Crm/People/Create", "/Crm/People/Edit", "/Crm/People/Employment", "/Crm/People/History",
        "/Crm/Consents/Index", "/Crm/Fields/Values",
    };

    public static CrmScope All { get; } = new(true, [], null);

    public static CrmScope None { get; } = new(false, [], null);

    public bool AllClients { get; }

    /// <summary>The clients reached when not <see cref="AllClients"/> (for SQL: <c>@all OR id = ANY (@clients)</c>).</summary>
    public IReadOnlyList<Guid> Clients { get; }

    /// <summary>The organisation a partner administrator acts for; null for everyone else.</summary>
    public Guid? ClientId { get; }

    /// <summary>What the grains are told the caller may change: the same clients (a partner's from the extranet).</summary>
    public ClientScope Grants =>
        AllClients ? ClientScope.All : ClientId is { } partner ? ClientScope.Partner(partner) : ClientScope.Of(Clients);

    public static CrmScope Partner(Guid clientId) => new(false, [clientId], clientId);

    public static CrmScope CaredFor(IEnumerable<Guid> clients) => new(false, [.. clients.Distinct()], null);

    public static CrmScope For(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.TrainingAdmin))
        {
            return All;
        }

        if (user.IsInRole(Roles.AccountManager))
        {
            // Read from the database on this request by CrmScopeClaims, in an identity of its own; none when nothing is assigned.
            return CaredFor(user.Identities
                .Where(i => i.AuthenticationType == CrmScopeClaims.IdentityType)
                .SelectMany(i => i.FindAll(PortalClaims.CaredForClient))
                .Select(c => Guid.Parse(c.Value)));
        }

        return user.IsInRole(Roles.PartnerAdmin) && Guid.TryParse(user.FindFirstValue(PortalClaims.ClientId), out var clientId)
            ? Partner(clientId)
            : None;
    }

    public bool CanRead(Guid? clientId) => AllClients || (clientId is { } id && Clients.Contains(id));
}
