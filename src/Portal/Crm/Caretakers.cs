using Certification.Common;
using Certification.Crm;
using Certification.Portal.Accounts;
using Dapper;
using Npgsql;

namespace Certification.Portal.Crm;

/// <summary>An account looking after a client; <see cref="Active"/> is false once it is disabled or no longer an account manager.</summary>
public sealed record CaretakerItem(Guid AccountId, string Name, string Email, DateTime Since, bool Active);

/// <summary>A client in someone's care, as their account's page lists it.</summary>
public sealed record CaredClient(Guid Id, string Name, DateTime Since);

/// <summary>
/// Who looks after which client. The office gives a client to an account manager or takes it away: the account is
/// checked here (the accounts are the portal's), the client grain records the change with its history, and both
/// sides are read from <c>client_caretaker</c>.
/// </summary>
public sealed class Caretakers(IGrainFactory grains, UserStore users, NpgsqlDataSource dataSource)
{
    public const string NotAnAccountManager = "caretaker.not_account_manager";

    public async Task<CommandResult> AssignAsync(Guid clientId, Guid accountId, string actor)
    {
        if (await users.FindByIdAsync(accountId) is not { IsDisabled: false } account || !account.Roles.Contains(Roles.AccountManager))
        {
            return CommandResult.Rejected("AccountId", NotAnAccountManager);
        }

        return await grains.GetGrain<IClientGrain>(clientId).AssignCaretakerAsync(accountId, account.DisplayName, actor);
    }

    /// <summary>Takes the client from an account, whatever the account is now: a disabled caretaker can still be removed.</summary>
    public async Task<CommandResult> RemoveAsync(Guid clientId, Guid accountId, string actor)
    {
        var name = (await users.FindByIdAsync(accountId))?.DisplayName ?? accountId.ToString();
        return await grains.GetGrain<IClientGrain>(clientId).RemoveCaretakerAsync(accountId, name, actor);
    }

    public async Task<IReadOnlyList<CaretakerItem>> OfClientAsync(Guid clientId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<CaretakerItem>(
            """
            SELECT k.account_id AS AccountId, coalesce(u.display_name, k.account_id::text) AS Name, coalesce(u.email, '') AS Email, k.since AS Since,
                   coalesce(NOT u.is_disabled AND 'AccountManager' = ANY (u.roles), false) AS Active
            FROM client_caretaker k LEFT JOIN user_account u ON u.id = k.account_id
            WHERE k.client_id = @clientId
            ORDER BY k.since, k.account_id
            """,
            new { clientId });
        return [.. rows];
    }

    public async Task<IReadOnlyList<CaredClient>> ClientsOfAsync(Guid accountId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<CaredClient>(
            """
            SELECT c.id AS Id, c.name AS Name, k.since AS Since
            FROM client_caretaker k JOIN client_projection c ON c.id = k.client_id
            WHERE k.account_id = @accountId
            ORDER BY c.name, c.id
            """,
            new { accountId });
        return [.. rows];
    }

    /// <summary>The accounts a client can be given to: enabled account managers.</summary>
    public Task<IReadOnlyList<UserAccount>> CandidatesAsync() => users.WithRoleAsync(Roles.AccountManager);
}
