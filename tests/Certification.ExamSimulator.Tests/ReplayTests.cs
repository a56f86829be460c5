using System.Collections.Immutable;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Tests;

public sealed class ReplayTests
{
    [Fact]
    public void ReplayingAnExportedLogGivesTheSameStateAndVerdicts()
    {
        var candidate = new Candidate().DoEverythingRight();
        candidate.Do(new CreateAccount(candidate.X.NewAccounts[0].Data));
        var json = SimulatorJson.Serialize(candidate.Simulation.Export(), indented: true);

        var document = SimulatorJson.Deserialize<ActionLogDocument>(json);
        var (replayed, divergences) = Simulation.Replay(document.Seed, document.Entries);

        Assert.Empty(divergences);
        Assert.Equal(SimulatorJson.Serialize(candidate.State), SimulatorJson.Serialize(replayed.State));
        Assert.Equal(
            candidate.Simulation.Check().Select(v => (v.CriterionId, v.Verdict, v.Summary)),
            replayed.Check().Select(v => (v.CriterionId, v.Verdict, v.Summary)));
        Assert.All(replayed.Check(), v => Assert.Equal(Verdict.Met, v.Verdict));
    }

    [Fact]
    public void CommandsAreStoredWithStableDiscriminators()
    {
        var candidate = new Candidate();
        candidate.Move(1);

        var json = SimulatorJson.Serialize(candidate.Simulation.Export());

        Assert.Contains("\"$type\":\"opportunity.move\"", json, StringComparison.Ordinal);
        Assert.Contains("\"accepted\":true", json, StringComparison.Ordinal);
        var entry = SimulatorJson.Deserialize<ActionLogDocument>(json).Entries.Single();
        Assert.Equal(new MoveOpportunity(candidate.X.Moves[1].OpportunityId, candidate.X.Moves[1].ToStageId), entry.Command);
    }

    [Fact]
    public void TheStateRoundTripsThroughJson()
    {
        var state = new Candidate().DoEverythingRight().State;

        var json = SimulatorJson.Serialize(state);

        Assert.Equal(json, SimulatorJson.Serialize(SimulatorJson.Deserialize<SandboxState>(json)));
    }

    [Fact]
    public void ALogEntryWhoseOutcomeTheReplayDoesNotReproduceIsReported()
    {
        var candidate = new Candidate();
        candidate.Move(1);
        var tampered = candidate.Simulation.Log.SetItem(0, candidate.Simulation.Log[0] with
        {
            Outcome = CommandOutcome.Refused([new CommandError("x", "x.y", "z")]),
        });

        var (_, divergences) = Simulation.Replay(42, tampered);

        Assert.Equal(1, Assert.Single(divergences).Sequence);
    }

    [Fact]
    public void RefusedCommandsStayInTheLogAndReplayAsRefused()
    {
        var candidate = new Candidate();
        candidate.Do(new CloseOpportunity(candidate.X.Closes[1].OpportunityId, false, null));
        candidate.Close(1);

        var (replayed, divergences) = Simulation.Replay(42, candidate.Simulation.Log);

        Assert.Empty(divergences);
        Assert.Equal(ImmutableList.Create(false, true), replayed.Log.Select(e => e.Outcome.Accepted).ToImmutableList());
        Assert.Equal(OpportunityStatus.Lost, replayed.State.FindOpportunity(candidate.X.Closes[1].OpportunityId)!.Status);
    }
}
