using System.Collections.Immutable;
using System.Text;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Cli;

/// <summary>The checkers' verdicts on a replayed simulation as plain text; lines end with "\n".</summary>
public static class VerdictText
{
    public static string Write((Simulation Simulation, ImmutableList<ReplayDivergence> Divergences) replayed)
    {
        var (simulation, divergences) = replayed;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        var accepted = simulation.Log.Count(e => e.Outcome.Accepted);
        Line($"ODTWORZENIE SYMULACJI — ziarno {PlFormat.Count(simulation.Scenario.Seed)}");
        Line($"Działania w dzienniku: {PlFormat.Count(simulation.Log.Count)} (przyjęte: {PlFormat.Count(accepted)}, odrzucone: {PlFormat.Count(simulation.Log.Count - accepted)}).");
        foreach (var divergence in divergences)
        {
            Line($"UWAGA: działanie #{PlFormat.Count(divergence.Sequence)} miało w dzienniku inny wynik niż po odtworzeniu " +
                $"({(divergence.Recorded.Accepted ? "przyjęte" : "odrzucone")} → {(divergence.Replayed.Accepted ? "przyjęte" : "odrzucone")}).");
        }

        var verdicts = simulation.Check();
        foreach (var verdict in verdicts)
        {
            Line();
            Line($"{verdict.CriterionId} {verdict.Criterion}: {VerdictLabels.Of(verdict.Verdict).ToUpperInvariant()}");
            Line($"   {verdict.Summary}");
            foreach (var evidence in verdict.Evidence)
            {
                Line($"   - {evidence.Text}" + (evidence.Sequence is { } s ? $" [#{PlFormat.Count(s)}]" : ""));
            }
        }

        Line();
        Line($"Podsumowanie: spełnione {PlFormat.Count(verdicts.Count(v => v.Verdict == Verdict.Met))}, " +
            $"częściowo {PlFormat.Count(verdicts.Count(v => v.Verdict == Verdict.PartlyMet))}, " +
            $"niespełnione {PlFormat.Count(verdicts.Count(v => v.Verdict == Verdict.NotMet))} z {PlFormat.Count(verdicts.Count)} kryteriów.");
        return text.ToString();
    }
}
