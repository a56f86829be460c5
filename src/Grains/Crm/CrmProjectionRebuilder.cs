using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Certification.Crm;

[GenerateSerializer, Immutable, Alias("cert.crm.ProjectionRebuildReport")]
public sealed record ProjectionRebuildReport(
    [property: Id(0)] int Clients,
    [property: Id(1)] int People,
    [property: Id(2)] int RemovedRows,
    [property: Id(3)] TimeSpan Took);

/// <summary>
/// Rebuilds the CRM projections from grain state: every client and person grain that has stored
/// state writes its row again through its own projection code, and rows without a grain behind
/// them are removed. Safe while the portal is in use, since rows only move forward in version.
/// </summary>
public sealed class CrmProjectionRebuilder(
    NpgsqlDataSource dataSource, IGrainFactory grains, IOptions<ClusterOptions> cluster, TimeProvider clock, ILogger<CrmProjectionRebuilder> logger)
{
    private const int Parallelism = 16;

    public async Task<ProjectionRebuildReport> RebuildAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var clients = await StoredGrainIdsAsync("client", cancellationToken);
        var people = await StoredGrainIdsAsync("person", cancellationToken);

        // Clients first: a person's row is joined to its client's row in lists.
        await Parallel.ForEachAsync(clients, Options(cancellationToken), async (id, _) => await grains.GetGrain<IClientGrain>(id).RefreshProjectionAsync());
        await Parallel.ForEachAsync(people, Options(cancellationToken), async (id, _) => await grains.GetGrain<IPersonGrain>(id).RefreshProjectionAsync());

        var removed = await RemoveOrphansAsync("client_projection", clients, cancellationToken)
                    + await RemoveOrphansAsync("person_projection", people, cancellationToken);
        await RemoveOrphansAsync("employment_projection", people, cancellationToken, column: "person_id");
        await RemoveOrphansAsync("client_caretaker", clients, cancellationToken, column: "client_id");
        var report = new ProjectionRebuildReport(clients.Count, people.Count, removed, clock.GetElapsedTime(started));
        logger.LogInformation(
            "Rebuilt CRM projections: {Clients} clients, {People} people, {Removed} orphan rows removed in {Took}",
            report.Clients, report.People, report.RemovedRows, report.Took);
        return report;
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    /// <summary>
    /// The keys of the grains of one type that have state in Orleans' ADO.NET storage. For a Guid key the
    /// provider stores the Guid's two 64-bit halves (its <c>ToByteArray()</c> order) in grainidn0 and grainidn1.
    /// </summary>
    private async Task<List<Guid>> StoredGrainIdsAsync(string grainType, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT grainidn0, grainidn1 FROM orleansstorage
            WHERE serviceid = @service AND graintypestring = @type AND payloadbinary IS NOT NULL
            """);
        command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        command.Parameters.AddWithValue("type", grainType);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(GuidFromHalves(reader.GetInt64(0), reader.GetInt64(1)));
        }

        return ids;
    }

    private static Guid GuidFromHalves(long n0, long n1)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[..8], n0);
        BitConverter.TryWriteBytes(bytes[8..], n1);
        return new Guid(bytes);
    }

    private async Task<int> RemoveOrphansAsync(string table, List<Guid> existing, CancellationToken cancellationToken, string column = "id")
    {
        await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE NOT ({column} = ANY (@ids))");
        command.Parameters.AddWithValue("ids", existing.ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
