using Certification.Crm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ProjectionRebuildTests(ClusterFixture fixture)
{
    private const string ClientRows = "SELECT string_agg(id || '|' || version || '|' || name || '|' || nip || '|' || array_to_string(units, ','), ';' ORDER BY id) FROM client_projection";
    private const string PersonRows = "SELECT string_agg(id || '|' || version || '|' || last_name || '|' || coalesce(client_id::text, '-'), ';' ORDER BY id) FROM person_projection";

    [Fact]
    public async Task Projections_are_rebuilt_from_grain_state_after_being_dropped()
    {
        for (var i = 0; i < 5; i++)
        {
            var clientId = Guid.NewGuid();
            var nip = Samples.UniqueNip();
            await fixture.Grains.GetGrain<IClientGrain>(clientId).CreateAsync(Samples.Client($"Gmina {i}", nip));
            await fixture.Grains.GetGrain<IClientGrain>(clientId).UpdateAsync(1, Samples.Client($"Gmina {i} (zmieniona)", nip), ClientScope.All);
            await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(Samples.Person(clientId, $"Kowalska {i}"));
        }

        await fixture.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(Samples.Person(null, "Bez organizacji"));
        var clientsBefore = await fixture.Database.ScalarAsync<string>(ClientRows);
        var peopleBefore = await fixture.Database.ScalarAsync<string>(PersonRows);

        await fixture.Database.ExecuteAsync("TRUNCATE client_projection, person_projection");
        await fixture.Database.ExecuteAsync(
            "INSERT INTO client_projection (id, version, name, kind, created_at, updated_at) VALUES (gen_random_uuid(), 1, 'sierota', 1, now(), now())");
        var report = await Rebuilder().RebuildAsync(CancellationToken.None);

        Assert.Equal(clientsBefore, await fixture.Database.ScalarAsync<string>(ClientRows));
        Assert.Equal(peopleBefore, await fixture.Database.ScalarAsync<string>(PersonRows));
        Assert.Equal(1, report.RemovedRows);
        Assert.Equal(await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM client_projection"), report.Clients);
    }

    [Fact]
    public async Task An_older_state_never_overwrites_a_newer_row()
    {
        var id = Guid.NewGuid();
        var nip = Samples.UniqueNip();
        await fixture.Grains.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client("Pierwsza", nip));
        await fixture.Grains.GetGrain<IClientGrain>(id).UpdateAsync(1, Samples.Client("Druga", nip), ClientScope.All);
        var projection = new CrmProjection(fixture.Database.DataSource);

        await projection.UpsertClientAsync(id, new ClientState { Version = 1, Details = Samples.Client("Pierwsza", nip), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });

        Assert.Equal("Druga", await fixture.Database.ScalarAsync<string>($"SELECT name FROM client_projection WHERE id = '{id}'"));
    }

    private CrmProjectionRebuilder Rebuilder() => new(
        fixture.Database.DataSource,
        fixture.Grains,
        Options.Create(new ClusterOptions { ServiceId = TestSilos.ServiceId }),
        TimeProvider.System,
        NullLogger<CrmProjectionRebuilder>.Instance);
}
