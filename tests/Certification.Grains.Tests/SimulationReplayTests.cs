using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;
using Certification.Simulation;

namespace Certification.Grains.Tests;

/// <summary>The reviewer's step-by-step replay: step N is the sandbox and the verdicts after the first N logged actions, rebuilt from seed and log.</summary>
public sealed class SimulationReplayTests
{
    private const int Seed = 20261124;

    [Fact]
    public void Each_step_of_the_replay_is_the_sandbox_and_the_verdicts_after_as_many_live_commands()
    {
        var (live, states) = Live(out var accountId);

        var replay = SimulationReplay.Of(live.Export());

        Assert.Equal(4, replay.Steps);
        Assert.Empty(replay.Divergences);
        for (var n = 0; n <= replay.Steps; n++)
        {
            var step = replay.At(n);
            var after = live with { Log = live.Log.GetRange(0, n), States = live.States.GetRange(0, n) };
            Assert.Equal((n, n, false), (step.Requested, step.Step, step.OutOfRange));
            Assert.Equal(states[n], SimulatorJson.Serialize(step.State));
            Assert.Equal(Verdicts(after.Check()), Verdicts(step.Verdicts));
            Assert.Equal(n == 0 ? null : live.Log[n - 1], step.Entry);
        }

        // Step 1 created the account: its record is the one changed, and the checker of 1.2.2 moved.
        var first = replay.At(1);
        Assert.Equal([accountId], first.ChangedRecords);
        Assert.Contains("1.2.2", first.ChangedVerdicts);
        Assert.Equal(Verdict.NotMet, replay.At(0).Verdicts.Single(v => v.CriterionId == "1.2.2").Verdict);
        Assert.NotEqual(Verdict.NotMet, first.Verdicts.Single(v => v.CriterionId == "1.2.2").Verdict);
        Assert.Empty(replay.At(0).ChangedRecords);
        Assert.Empty(replay.At(0).ChangedVerdicts);

        // Step 2 was refused: the sandbox is as it was, nothing changed.
        var refused = replay.At(2);
        Assert.False(refused.Entry!.Outcome.Accepted);
        Assert.Empty(refused.ChangedRecords);
        Assert.Equal(states[1], SimulatorJson.Serialize(refused.State));

        // Step 3 added a contact to the account; step 4 updated the account.
        Assert.Single(replay.At(3).ChangedRecords, id => id.StartsWith("con-", StringComparison.Ordinal));
        Assert.Equal([accountId], replay.At(4).ChangedRecords);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(-500, 0)]
    [InlineData(5, 4)]
    [InlineData(int.MaxValue, 4)]
    public void A_step_out_of_range_shows_the_nearest_end_and_says_so(int asked, int shown)
    {
        var (live, states) = Live(out _);
        var replay = SimulationReplay.Of(live.Export());

        var step = replay.At(asked);

        Assert.True(step.OutOfRange);
        Assert.Equal((asked, shown, 4), (step.Requested, step.Step, step.Steps));
        Assert.Equal(states[shown], SimulatorJson.Serialize(step.State));
    }

    [Fact]
    public void A_simulation_without_actions_has_only_its_start()
    {
        var start = ExamSimulator.Simulation.Start(Seed);

        var replay = SimulationReplay.Of(start.Export());

        Assert.Equal(0, replay.Steps);
        Assert.Null(replay.At(0).Entry);
        Assert.True(replay.At(1).OutOfRange);
        Assert.Equal(SimulatorJson.Serialize(start.State), SimulatorJson.Serialize(replay.At(1).State));
        Assert.Equal(CriterionCheckers.All.Count, replay.At(0).Verdicts.Count);
    }

    [Fact]
    public void A_logged_outcome_the_replay_does_not_reproduce_is_reported_at_its_step()
    {
        var (live, _) = Live(out _);
        var document = live.Export();

        // The log says the refused move was accepted: the simulator (or the record) has changed since.
        var tampered = document with { Entries = document.Entries.SetItem(1, document.Entries[1] with { Outcome = CommandOutcome.Done("Przeniesiono.") }) };
        var replay = SimulationReplay.Of(tampered);

        var divergence = Assert.Single(replay.Divergences);
        Assert.Equal(2, divergence.Sequence);
        Assert.True(divergence.Recorded.Accepted);
        Assert.False(divergence.Replayed.Accepted);
        Assert.Same(divergence, replay.At(2).Divergence);
        Assert.Null(replay.At(1).Divergence);
        Assert.Null(replay.At(3).Divergence);
    }

    /// <summary>
    /// Four commands given live, one at a time, with the state after each (index 0: the start): an account created,
    /// a move of an opportunity that does not exist (refused), a contact person added, the account's phone updated.
    /// </summary>
    private static (ExamSimulator.Simulation Live, List<string> States) Live(out string accountId)
    {
        var simulation = ExamSimulator.Simulation.Start(Seed);
        var spec = simulation.Scenario.Exercise.NewAccounts[0];
        var states = new List<string> { SimulatorJson.Serialize(simulation.State) };
        var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        string? created = null;
        foreach (var command in new Func<SandboxCommand>[]
        {
            () => new CreateAccount(spec.Data),
            () => new MoveOpportunity("opp-9999", "stage-9999"),
            () => new CreateContact(created!, spec.Contact),
            () => new UpdateAccount(created!, spec.Data with { Phone = "+48 61 000 11 22" }),
        })
        {
            at = at.AddMinutes(1);
            (simulation, var entry) = simulation.Execute(command(), new ActionContext(at, "candidate"));
            created ??= entry.Outcome.CreatedId;
            states.Add(SimulatorJson.Serialize(simulation.State));
        }

        Assert.Equal([true, false, true, true], simulation.Log.Select(e => e.Outcome.Accepted));
        accountId = created!;
        return (simulation, states);
    }

    private static IEnumerable<(string, Verdict, string, string)> Verdicts(IEnumerable<CriterionVerdict> verdicts) =>
        verdicts.Select(v => (v.CriterionId, v.Verdict, v.Summary, string.Join("|", v.Evidence.Select(e => $"{e.Sequence}:{e.Text}"))));
}
