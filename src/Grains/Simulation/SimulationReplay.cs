using System.Collections.Immutable;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;

namespace Certification.Simulation;

/// <summary>
/// A candidate's simulation rebuilt from its exported seed and action log (<see cref="ISimulationGrain.ExportAsync"/>)
/// for an appeal's reviewer to step through: step N is the sandbox after the first N logged actions, with the checkers'
/// verdicts as they stood then. It is a replay through the simulator, never the live sandbox, so the reviewer sees what
/// the record reproduces; a logged outcome the replay does not reproduce is reported, and the record stands.
/// </summary>
public sealed class SimulationReplay
{
    private readonly ExamSimulator.Simulation _simulation;
    private readonly ImmutableDictionary<int, ReplayDivergence> _divergences;

    private SimulationReplay(ExamSimulator.Simulation simulation, ImmutableList<ReplayDivergence> divergences)
    {
        _simulation = simulation;
        Divergences = divergences;
        _divergences = divergences.ToImmutableDictionary(d => d.Sequence);
    }

    /// <summary>The logged actions, in order; the action of step N is <c>Log[N - 1]</c>.</summary>
    public ImmutableList<ActionLogEntry> Log => _simulation.Log;

    /// <summary>How many steps there are after the start: one per logged action.</summary>
    public int Steps => Log.Count;

    /// <summary>Every logged action whose outcome the replay does not reproduce.</summary>
    public ImmutableList<ReplayDivergence> Divergences { get; }

    /// <summary>Replays the whole log once; every step is then a slice of it.</summary>
    public static SimulationReplay Of(ActionLogDocument document)
    {
        var (simulation, divergences) = ExamSimulator.Simulation.Replay(document.Seed, document.Entries);
        return new SimulationReplay(simulation, divergences);
    }

    public ReplayDivergence? DivergenceAt(int sequence) => _divergences.GetValueOrDefault(sequence);

    /// <summary>
    /// The sandbox after the first <paramref name="step"/> actions (0: the scenario as the candidate found it) and what the
    /// checkers made of it then. A step outside 0..<see cref="Steps"/> shows the nearest end, and the result says so.
    /// </summary>
    public ReplayStep At(int step)
    {
        var shown = Math.Clamp(step, 0, Steps);
        var now = UpTo(shown);
        var verdicts = now.Check();
        var entry = shown == 0 ? null : Log[shown - 1];
        if (entry is null)
        {
            return new ReplayStep(step, shown, Steps, null, null, now.State, verdicts, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);
        }

        var before = UpTo(shown - 1);
        var previous = before.Check().ToDictionary(v => v.CriterionId, StringComparer.Ordinal);
        var changedVerdicts = verdicts
            .Where(v => !previous.TryGetValue(v.CriterionId, out var was) || was.Verdict != v.Verdict || was.Summary != v.Summary)
            .Select(v => v.CriterionId)
            .ToImmutableHashSet(StringComparer.Ordinal);
        return new ReplayStep(
            step, shown, Steps, entry, DivergenceAt(entry.Sequence), now.State, verdicts, changedVerdicts, ChangedRecords(before.State, now.State));
    }

    // The checkers read the log and the state after each entry, so a step is the replay cut after its entry.
    private ExamSimulator.Simulation UpTo(int step) =>
        _simulation with { Log = _simulation.Log.GetRange(0, step), States = _simulation.States.GetRange(0, step) };

    /// <summary>The ids of the records an action created or changed (a refused one changes none).</summary>
    private static ImmutableHashSet<string> ChangedRecords(SandboxState before, SandboxState after)
    {
        if (ReferenceEquals(before, after))
        {
            return ImmutableHashSet<string>.Empty;
        }

        var changed = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        Compare(before.Accounts, after.Accounts, a => a.Id, changed);
        Compare(before.Contacts, after.Contacts, c => c.Id, changed);
        Compare(before.Pipelines, after.Pipelines, p => p.Id, changed);
        Compare(before.Opportunities, after.Opportunities, o => o.Id, changed);
        Compare(before.Tasks, after.Tasks, t => t.Id, changed);
        Compare(before.Segments, after.Segments, s => s.Id, changed);
        Compare(before.TaskLists, after.TaskLists, l => l.Id, changed);
        Compare(before.Reports, after.Reports, r => r.Id, changed);
        Compare(before.Templates, after.Templates, t => t.Id, changed);
        Compare(before.Offers, after.Offers, o => o.Id, changed);
        return changed.ToImmutable();
    }

    // Records hold lists, so record equality would compare the lists by reference: an unchanged record is the same
    // instance or, if the engine rebuilt it, the same JSON.
    private static void Compare<T>(ImmutableList<T> before, ImmutableList<T> after, Func<T, string> id, ImmutableHashSet<string>.Builder changed)
        where T : class
    {
        if (ReferenceEquals(before, after))
        {
            return;
        }

        var old = before.ToDictionary(id, StringComparer.Ordinal);
        foreach (var record in after)
        {
            if (!old.TryGetValue(id(record), out var was) ||
                (!ReferenceEquals(was, record) && SimulatorJson.Serialize(was) != SimulatorJson.Serialize(record)))
            {
                changed.Add(id(record));
            }
        }
    }
}

/// <summary>
/// One step of a replay: the step asked for and the one shown (they differ when the asked one is out of range), the
/// action of this step with any divergence from its logged outcome, the sandbox after it, the checkers' verdicts then
/// with the criteria whose verdict this action changed, and the records it created or changed.
/// </summary>
public sealed record ReplayStep(
    int Requested,
    int Step,
    int Steps,
    ActionLogEntry? Entry,
    ReplayDivergence? Divergence,
    SandboxState State,
    IReadOnlyList<CriterionVerdict> Verdicts,
    ImmutableHashSet<string> ChangedVerdicts,
    ImmutableHashSet<string> ChangedRecords)
{
    public bool OutOfRange => Requested != Step;
}
