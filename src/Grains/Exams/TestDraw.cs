using Certification.Items;
using Certification.Qualifications;

namespace Certification.Exams;

/// <summary>
/// Draws an attempt from the active items of a bank by the blueprint: exactly the quota of questions per
/// learning outcome, no item twice, questions and options shuffled when the blueprint says so. The same
/// seed always gives the same test, so an attempt can be rebuilt for an appeal.
/// </summary>
public static class TestDraw
{
    public static IReadOnlyList<DrawnQuestion> Draw(Blueprint blueprint, IReadOnlyList<(string ItemId, ItemVersion Version)> available, int seed)
    {
        var shortfalls = Shortfalls(blueprint, available);
        if (shortfalls.Count > 0)
        {
            throw new BlueprintNotSatisfiableException(shortfalls);
        }

        var random = new Random(seed);
        var picked = new List<(string ItemId, ItemVersion Version)>();

        // Outcomes in a fixed order, and items within an outcome by id: the seed alone decides the draw.
        foreach (var (outcome, quota) in blueprint.Quotas.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            var pool = available.Where(a => a.Version.Content.Outcome == outcome).OrderBy(a => a.ItemId, StringComparer.Ordinal).ToArray();
            random.Shuffle(pool);
            picked.AddRange(pool.Take(quota));
        }

        var ordered = picked.ToArray();
        if (blueprint.ShuffleQuestions)
        {
            random.Shuffle(ordered);
        }

        return [.. ordered.Select((item, index) => Question(index + 1, item.ItemId, item.Version, blueprint.ShuffleOptions, random))];
    }

    /// <summary>Outcomes whose active items are fewer than their quota; empty when the blueprint can be met.</summary>
    public static IReadOnlyDictionary<string, (int Quota, int Available)> Shortfalls(
        Blueprint blueprint, IReadOnlyList<(string ItemId, ItemVersion Version)> available) =>
        blueprint.Quotas
            .Select(q => (q.Key, q.Value, Available: available.Count(a => a.Version.Content.Outcome == q.Key)))
            .Where(q => q.Available < q.Value)
            .ToDictionary(q => q.Key, q => (q.Value, q.Available));

    private static DrawnQuestion Question(int number, string itemId, ItemVersion version, bool shuffleOptions, Random random)
    {
        var content = version.Content;
        var options = content.Options.ToArray();

        // "Prawda / Fałsz" keep their order: shuffling two fixed words only confuses.
        if (shuffleOptions && content.Kind != ItemKind.TrueFalse)
        {
            random.Shuffle(options);
        }

        return new DrawnQuestion(
            number, itemId, version.Version, content.Outcome, content.Criterion, content.Kind, content.Stem,
            [.. options.Select(o => new ShownOption(o.Id, o.Text))],
            [.. options.Where(o => o.Correct).Select(o => o.Id)]);
    }
}

public sealed class BlueprintNotSatisfiableException(IReadOnlyDictionary<string, (int Quota, int Available)> shortfalls)
    : Exception("The item bank cannot satisfy the blueprint: " +
                string.Join("; ", shortfalls.Select(s => $"outcome {s.Key} needs {s.Value.Quota} questions, {s.Value.Available} active")))
{
    public IReadOnlyDictionary<string, (int Quota, int Available)> Shortfalls { get; } = shortfalls;
}
