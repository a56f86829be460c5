using System.Collections.Immutable;
using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Actions;

/// <summary>One candidate action: its place in the log, who did it and when, the command, and what came of it.</summary>
public sealed record ActionLogEntry(int Sequence, DateTimeOffset At, string Actor, SandboxCommand Command, CommandOutcome Outcome);

/// <summary>An exported action log: the seed of its scenario and every action, accepted or refused, in order.</summary>
public sealed record ActionLogDocument(int Seed, ImmutableList<ActionLogEntry> Entries);

/// <summary>A logged action whose outcome is not the one a replay gives (the code or data changed since it was recorded).</summary>
public sealed record ReplayDivergence(int Sequence, CommandOutcome Recorded, CommandOutcome Replayed);

/// <summary>A log replayed on its scenario: the state after each entry (index for index) and any outcome that differs.</summary>
public sealed record ReplayResult(SandboxState Initial, ImmutableList<SandboxState> States, ImmutableList<ReplayDivergence> Divergences)
{
    public SandboxState Final() => States.IsEmpty ? Initial : States[^1];

    /// <summary>The state just before the entry with this sequence number was applied.</summary>
    public SandboxState Before(int sequence) => sequence <= 1 ? Initial : States[sequence - 2];
}

public static class Replay
{
    /// <summary>Applies every logged command again, in order, with its logged time and actor.</summary>
    public static ReplayResult Run(SandboxState initial, IReadOnlyList<ActionLogEntry> entries)
    {
        var states = ImmutableList.CreateBuilder<SandboxState>();
        var divergences = ImmutableList.CreateBuilder<ReplayDivergence>();
        var state = initial;
        foreach (var entry in entries)
        {
            var (next, outcome) = SandboxEngine.Apply(state, entry.Command, new ActionContext(entry.At, entry.Actor));
            if (!SameOutcome(entry.Outcome, outcome))
            {
                divergences.Add(new ReplayDivergence(entry.Sequence, entry.Outcome, outcome));
            }

            states.Add(next);
            state = next;
        }

        return new ReplayResult(initial, states.ToImmutable(), divergences.ToImmutable());
    }

    /// <summary>Outcomes agree on what matters for the record (accepted, the id created, the codes); wording may change between versions.</summary>
    public static bool SameOutcome(CommandOutcome a, CommandOutcome b) =>
        a.Accepted == b.Accepted && a.CreatedId == b.CreatedId && a.Errors.Select(e => e.Code).SequenceEqual(b.Errors.Select(e => e.Code));
}
