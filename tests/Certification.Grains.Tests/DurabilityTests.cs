using Certification.Crm;
using Certification.Exams;
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
        await first.Client.GetGrain<IClientGrain>(id).UpdateAsync(1, Samples.Client("Gmina Żółkiewka-Zdrój", nip), ClientScope.All);
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

    [Fact]
    public async Task Every_acknowledged_answer_and_the_clock_survive_a_silo_killed_in_the_middle_of_a_test()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = Guid.NewGuid();
        var session = Guid.NewGuid();
        var attempt = TheoryTestKey.For(session, person);
        var acknowledged = new List<AnswerChange>();
        int remainingBefore;

        var first = await TestSilos.StartAsync(database);
        try
        {
            await first.Client.GetGrain<IPersonGrain>(person).CreateAsync(Samples.Person(null));
            var grain = first.Client.GetGrain<IExamSessionGrain>(session);
            var scheduled = await grain.ScheduleAsync(new SessionDetails("CRM-PRK4", "Awaria", DateTimeOffset.UtcNow, null, Guid.NewGuid(), true));
            await grain.SetRosterAsync(scheduled.Version, [person]);
            await grain.OpenAsync("operator");
            var test = first.Client.GetGrain<ITheoryTestGrain>(attempt);
            var questions = (await test.OpenAsync("conn", "candidate")).View!.Questions;
            for (var i = 0; i < 12; i++)
            {
                var change = new AnswerChange(i + 1, questions[i].Number, [questions[i].Options[^1].Id], i % 4 == 0);
                var ack = await test.SaveAnswerAsync("conn", "candidate", change);
                Assert.Equal(SaveOutcome.Saved, ack.Outcome);
                acknowledged.Add(change);
            }

            remainingBefore = (await test.GetBoardRowAsync())!.RemainingSeconds;
        }
        finally
        {
            // No graceful shutdown: the process is gone, as with kill -9 or a lost machine.
            foreach (var silo in first.Silos.ToList())
            {
                await first.KillSiloAsync(silo);
            }

            await first.DisposeAsync();
        }

        var second = await TestSilos.StartAsync(database);
        try
        {
            var reopened = (await second.Client.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, person)).OpenAsync("conn-2", "candidate")).View!;

            Assert.Equal(
                acknowledged.Select(a => $"{a.Question}:{a.Selected[0]}:{a.Flagged}"),
                reopened.Answers.Select(a => $"{a.Question}:{a.Selected[0]}:{a.Flagged}"));
            Assert.Equal(12, reopened.HighestSeq);

            // The clock kept running while the silo was down: the time left is what the deadline says, not what it was.
            Assert.InRange(reopened.RemainingSeconds, remainingBefore - 60, remainingBefore);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    private static bool IsClientGrain(DetailedGrainStatistic statistic) =>
        statistic.GrainType?.Contains("ClientGrain", StringComparison.Ordinal) == true;
}
