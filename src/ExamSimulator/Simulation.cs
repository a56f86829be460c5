using System.Collections.Immutable;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Sheet;

namespace Certification.ExamSimulator;

/// <summary>
/// One candidate's simulation: the scenario of its seed, the task sheet, the action log and the state after each
/// action. A grain keeps the seed and the log; everything else is rebuilt from them (<see cref="Replay"/>).
/// </summary>
public sealed record Simulation(Scenario Scenario, TaskSheet Sheet, ImmutableList<ActionLogEntry> Log, ImmutableList<SandboxState> States)
{
    public SandboxState State => States.IsEmpty ? Scenario.InitialState() : States[^1];

    public static Simulation Start(int seed)
    {
        var scenario = ScenarioGenerator.Generate(seed);
        return new Simulation(scenario, TaskSheetWriter.Write(scenario), [], []);
    }

    /// <summary>Applies a command and logs it, accepted or refused; a refused command leaves the state as it was.</summary>
    public (Simulation Simulation, ActionLogEntry Entry) Execute(SandboxCommand command, ActionContext context)
    {
        var (state, outcome) = SandboxEngine.Apply(State, command, context);
        var entry = new ActionLogEntry(Log.Count + 1, context.At, context.Actor, command, outcome);
        return (this with { Log = Log.Add(entry), States = States.Add(state) }, entry);
    }

    /// <summary>Rebuilds a simulation from its seed and log; the result lists logged outcomes a replay does not reproduce.</summary>
    public static (Simulation Simulation, ImmutableList<ReplayDivergence> Divergences) Replay(int seed, IReadOnlyList<ActionLogEntry> log)
    {
        var start = Start(seed);
        var result = Actions.Replay.Run(start.Scenario.InitialState(), log);
        return (start with { Log = [.. log], States = result.States }, result.Divergences);
    }

    public IReadOnlyList<CriterionVerdict> Check() => CriterionCheckers.Run(new CheckContext(Scenario, Log, States));

    public ActionLogDocument Export() => new(Scenario.Seed, Log);
}
