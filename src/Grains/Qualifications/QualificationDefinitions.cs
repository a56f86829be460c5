using System.Text.Json;
using Certification.Items;
using System.Text.Json.Serialization;

namespace Certification.Qualifications;

/// <summary>
/// Reads qualification definitions and their item banks from the JSON files embedded from
/// <c>Qualifications/Definitions</c>: <c>CODE.json</c> is a qualification, <c>CODE.items.json</c> its
/// initial item bank. A second qualification is a second pair of files, not new code.
/// </summary>
public static class QualificationDefinitions
{
    private const string Folder = "Qualifications.Definitions.";

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static IReadOnlyList<Qualification> Embedded() =>
        [.. Resources(name => !name.EndsWith(".items.json", StringComparison.Ordinal))
            .Select(r => Parse(r.Name, r.Text))];

    public static ItemBankFile? EmbeddedItems(string qualificationCode) =>
        Resources(name => name.EndsWith(".items.json", StringComparison.Ordinal))
            .Select(r => JsonSerializer.Deserialize<ItemBankFile>(r.Text, Json)
                         ?? throw new InvalidDataException($"{r.Name} is empty"))
            .FirstOrDefault(f => f.Qualification == qualificationCode);

    public static Qualification Parse(string source, string json)
    {
        var qualification = JsonSerializer.Deserialize<Qualification>(json, Json)
                            ?? throw new InvalidDataException($"{source} is empty");
        var problems = QualificationRules.Check(qualification);
        return problems.Count == 0
            ? qualification
            : throw new InvalidDataException($"Qualification definition {source} is not valid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}");
    }

    private static IEnumerable<(string Name, string Text)> Resources(Func<string, bool> include)
    {
        var assembly = typeof(QualificationDefinitions).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var index = name.IndexOf(Folder, StringComparison.Ordinal);
            if (index < 0 || !name.EndsWith(".json", StringComparison.Ordinal) || !include(name))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[(index + Folder.Length)..], reader.ReadToEnd());
        }
    }
}

/// <summary>The consistency rules of a definition file, so a mistake in one stops start-up with a clear list.</summary>
public static class QualificationRules
{
    public static List<string> Check(Qualification q)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(q.Code))
        {
            problems.Add("code is missing");
        }

        var outcomeIds = q.AllOutcomes().Select(o => o.Id).ToList();
        problems.AddRange(outcomeIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"learning outcome {g.Key} appears twice"));
        var criterionIds = q.AllOutcomes().SelectMany(o => o.Criteria.Select(c => c.Id)).ToList();
        problems.AddRange(criterionIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"criterion {g.Key} appears twice"));
        problems.AddRange(q.AllOutcomes().SelectMany(o => o.Criteria.Where(c => !c.Id.StartsWith(o.Id + ".", StringComparison.Ordinal))
            .Select(c => $"criterion {c.Id} does not belong to outcome {o.Id}")));
        problems.AddRange(q.AllOutcomes().SelectMany(o => o.Criteria.Where(c => c.Methods.Count == 0))
            .Select(c => $"criterion {c.Id} has no verification method"));
        // The interview protocol suggests questions per criterion; an interview criterion without any leaves the panel improvising.
        problems.AddRange(q.AllOutcomes().SelectMany(o => o.Criteria)
            .Where(c => c.Methods.Contains(VerificationMethod.Interview) != (c.InterviewQuestions is { Count: > 0 }))
            .Select(c => c.Methods.Contains(VerificationMethod.Interview)
                ? $"criterion {c.Id} is verified by interview but suggests no questions"
                : $"criterion {c.Id} suggests interview questions but is not verified by interview"));

        var blueprint = q.Blueprint;
        if (blueprint.Questions <= 0 || blueprint.Minutes <= 0)
        {
            problems.Add("the blueprint needs a positive number of questions and minutes");
        }

        if (blueprint.PassPercent is < 1 or > 100)
        {
            problems.Add("the pass mark must be between 1 and 100 per cent");
        }

        var theory = q.TheoryTestOutcomes().Select(o => o.Id).ToHashSet();
        problems.AddRange(blueprint.Quotas.Keys.Where(k => !theory.Contains(k)).Select(k => $"quota for {k}, which is not an outcome verified by the theory test"));
        problems.AddRange(theory.Where(id => !blueprint.Quotas.ContainsKey(id)).Select(id => $"outcome {id} is verified by the theory test but has no quota"));
        if (blueprint.Quotas.Values.Sum() != blueprint.Questions)
        {
            problems.Add($"the quotas add up to {blueprint.Quotas.Values.Sum()}, not to the {blueprint.Questions} questions of the test");
        }

        return problems;
    }
}
