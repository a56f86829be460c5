using System.Diagnostics;
using System.Net;
using Certification.Crm;
using Certification.Exams;
using Certification.Testing;
using Xunit.Abstractions;

namespace Certification.Silo.Tests;

/// <summary>The deployment of deploy/cluster.sh: two silo processes and a portal that is only their client.</summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_portal_keeps_serving_and_no_acknowledged_answer_is_lost_when_one_of_two_silos_is_killed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = SiloProcess.Start(database, clusterId);
        await using var second = SiloProcess.Start(database, clusterId);
        await first.WaitUntilActiveAsync(database, TimeSpan.FromSeconds(60));
        await second.WaitUntilActiveAsync(database, TimeSpan.FromSeconds(60));
        await using var portal = await PortalHost.StartAsync(database: database, settings: new Dictionary<string, string>
        {
            ["Orleans:Mode"] = "Client",
            ["Orleans:ClusterId"] = clusterId,
        });

        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            var created = await portal.Grains.GetGrain<IClientGrain>(id).CreateAsync(new ClientDetails(
                $"Gmina {index}", ClientKind.Municipality, Nips.Valid(index), null, new Address("ul. Rynek 1", "62-035", "Kórnik"), []));
            Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        }

        // Six candidates mid-test, so some attempts surely live on the silo that dies.
        var session = Guid.NewGuid();
        var people = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        foreach (var person in people)
        {
            await portal.Grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Jan", "Nowak", null, null, null, null, null, null));
        }

        var sessionGrain = portal.Grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await sessionGrain.ScheduleAsync(new SessionDetails("CRM-PRK4", "Awaria serwera", DateTimeOffset.UtcNow, null, Guid.NewGuid(), true));
        await sessionGrain.SetRosterAsync(scheduled.Version, people);
        Assert.True((await sessionGrain.OpenAsync("operator")).Succeeded);
        var acknowledged = new Dictionary<Guid, List<string>>();
        foreach (var person in people)
        {
            var test = portal.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, person));
            var questions = (await test.OpenAsync("before", "candidate")).View!.Questions;
            acknowledged[person] = [];
            for (var i = 0; i < 8; i++)
            {
                var ack = await test.SaveAnswerAsync("before", "candidate", new AnswerChange(i + 1, questions[i].Number, [questions[i].Options[0].Id], false));
                Assert.Equal(SaveOutcome.Saved, ack.Outcome);
                acknowledged[person].Add($"{questions[i].Number}:{questions[i].Options[0].Id}");
            }
        }

        first.Kill();
        var clock = Stopwatch.StartNew();

        foreach (var id in ids)
        {
            var client = await EventuallyAsync(() => portal.Grains.GetGrain<IClientGrain>(id).GetAsync(), TimeSpan.FromSeconds(90));
            Assert.Equal(id, client!.Id);
        }

        var health = await EventuallyAsync(
            async () => (await portal.Anonymous().GetStringAsync("/health")) is var body && body.Contains("1 active silo", StringComparison.Ordinal) ? body : null,
            TimeSpan.FromSeconds(90));
        Assert.Contains("\"status\":\"Healthy\"", health, StringComparison.Ordinal);
        output.WriteLine($"All 20 clients readable and /health showing one silo {clock.Elapsed.TotalSeconds:0.0} s after the kill");

        foreach (var person in people)
        {
            var reopened = await EventuallyAsync(
                async () => (await portal.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, person)).OpenAsync("after", "candidate")).View,
                TimeSpan.FromSeconds(90));
            Assert.Equal(acknowledged[person], reopened.Answers.Select(a => $"{a.Question}:{a.Selected[0]}"));
            Assert.InRange(reopened.RemainingSeconds, 40 * 60, 45 * 60);
        }
    }

    /// <summary>Calls to grains that lived on the dead silo fail until the cluster has declared it dead; then they re-activate.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await attempt() is { } value)
                {
                    return value;
                }
            }
            catch (Exception error) when (error is OrleansException or TimeoutException or HttpRequestException && deadline.Elapsed < timeout)
            {
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"No answer within {timeout}");
            }

            await Task.Delay(250);
        }
    }
}

internal static class Nips
{
    /// <summary>A valid NIP per index, so clients of one test never clash.</summary>
    public static string Valid(int index)
    {
        int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        for (var serial = index * 10; ; serial++)
        {
            var body = "777" + serial.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var check = body.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
            if (check < 10)
            {
                return body + check;
            }
        }
    }
}
