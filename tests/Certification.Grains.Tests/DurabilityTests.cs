using Certification.Crm;
using Certification.Testing;
using Orleans.Runtime;

namespace Certification.Grains.Tests;

/// <summary>What survives losing silos: grain state lives in PostgreSQL, not in a silo's memory.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Client_state_survives_a_restart_of_the_whole_cluster()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = Guid.NewGuid();
        var nip = Samples.UniqueNip();

        var first = await TestSilos.StartAsync(database);
        await first.Client.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client("Gmina Żółkiewka", nip));
        await first.Client.GetGrain<IClientGrain>(id).UpdateAsync(1, Samples.Client("Gmina Żółkiewka-Zdrój", nip));
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await TestSilos.StartAsync(database);
        try
        {
            var client = await second.Client.GetGrain<IClientGrain>(id).GetAsync();
            Assert.Equal(("Gmina Żółkiewka-Zdrój", 2, nip), (client!.Details.Name, client.Version, client.Details.Nip));
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_second_silo_takes_over_the_grains_of_a_stopped_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cluster = await TestSilos.StartAsync(database, silos: 2);
        try
        {
            var ids = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();
            foreach (var id in ids)
            {
                Assert.True((await cluster.Client.GetGrain<IClientGrain>(id).CreateAsync(Samples.Client($"Klient {id:N}"))).Succeeded);
            }

            var leaving = cluster.Silos[0];
            var management = cluster.Client.GetGrain<IManagementGrain>(0);
            var onLeaving = await management.GetDetailedGrainStatistics(null, [leaving.SiloAddress]);
            Assert.Contains(onLeaving, IsClientGrain);

            await cluster.StopSiloAsync(leaving);

            foreach (var id in ids)
            {
                var client = await cluster.Client.GetGrain<IClientGrain>(id).GetAsync();
                Assert.Equal($"Klient {id:N}", client!.Details.Name);
            }

            var survivor = cluster.Silos.Single();
            var onSurvivor = await management.GetDetailedGrainStatistics(null, [survivor.SiloAddress]);
            Assert.Equal(ids.Count, onSurvivor.Count(IsClientGrain));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static bool IsClientGrain(DetailedGrainStatistic statistic) =>
        statistic.GrainType?.Contains("ClientGrain", StringComparison.Ordinal) == true;
}
