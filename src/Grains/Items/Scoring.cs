namespace Certification.Items;

/// <summary>
/// How one answer scores, from 0 to 1. Single choice and true/false: 1 for the correct option alone.
/// Multiple choice earns partial credit: (correct options ticked − wrong options ticked) ÷ number of
/// correct options, never below 0 — so guessing by ticking everything earns nothing.
/// </summary>
public static class Scoring
{
    public static decimal Score(ItemKind kind, IReadOnlyCollection<string> correct, IReadOnlyCollection<string> selected)
    {
        if (selected.Count == 0 || correct.Count == 0)
        {
            return 0m;
        }

        if (kind != ItemKind.MultipleChoice)
        {
            return selected.Count == 1 && correct.Contains(selected.First()) ? 1m : 0m;
        }

        var hits = selected.Count(correct.Contains);
        var misses = selected.Count - hits;
        return Math.Max(0m, (decimal)(hits - misses) / correct.Count);
    }
}
