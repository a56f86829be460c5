using System.Text.Json;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Sheet;

namespace Certification.ExamSimulator.Tests;

/// <summary>The simulation covers the qualification as its definition file states it, not as this code remembers it.</summary>
public sealed class CoverageTests
{
    private static Dictionary<string, string> SimulationCriteria()
    {
        var path = Path.Combine(RepositoryFiles.Root(), "src", "Grains", "Qualifications", "Definitions", "crm-prk4.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("sets").EnumerateArray()
            .SelectMany(set => set.GetProperty("outcomes").EnumerateArray())
            .SelectMany(outcome => outcome.GetProperty("criteria").EnumerateArray())
            .Where(c => c.GetProperty("methods").EnumerateArray().Any(m => m.GetString() == "Simulation"))
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("text").GetProperty("pl").GetString()!);
    }

    [Fact]
    public void EverySimulationCriterionHasExactlyOneCheckerWithTheDefinitionsText()
    {
        var criteria = SimulationCriteria();

        Assert.Equal(26, criteria.Count);
        Assert.Equal(criteria.Keys.Order(StringComparer.Ordinal), CriterionCheckers.All.Select(c => c.CriterionId).Order(StringComparer.Ordinal));
        Assert.All(CriterionCheckers.All, c => Assert.Equal(criteria[c.CriterionId], c.Criterion));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(999)]
    public void EverySimulationCriterionHasATaskOnTheSheetAndEveryTaskServesOne(int seed)
    {
        var criteria = SimulationCriteria();
        var sheet = TaskSheetWriter.Write(ScenarioGenerator.Generate(seed));

        Assert.All(criteria.Keys, id => Assert.Contains(sheet.Tasks, t => t.CriterionIds.Contains(id)));
        Assert.All(sheet.Tasks, t => Assert.All(t.CriterionIds, id => Assert.Contains(id, criteria.Keys)));
        Assert.All(sheet.Tasks, t => Assert.True(t.Steps.Count > 0 || t.Questions.Count > 0, t.Title));
    }

    [Fact]
    public void AnUntouchedSandboxMeetsNoCriterion()
    {
        var verdicts = Simulation.Start(42).Check();

        Assert.Equal(26, verdicts.Count);
        Assert.All(verdicts, v => Assert.Equal(Verdict.NotMet, v.Verdict));
        Assert.All(verdicts, v => Assert.NotEmpty(v.Evidence));
    }

    [Fact]
    public void DoingEveryTaskRightMeetsEveryCriterionWhateverTheSeed()
    {
        // Many seeds, so every theme, region and pick of records the generator can make is worked through.
        foreach (var seed in Enumerable.Range(0, 60).Select(i => i * 7919))
        {
            var verdicts = new Candidate(seed).DoEverythingRight().Simulation.Check();

            Assert.All(verdicts, v => Assert.True(v.Verdict == Verdict.Met,
                $"seed {seed}, {v.CriterionId}: {v.Summary} | {string.Join(" | ", v.Evidence.Select(e => e.Text))}"));
        }
    }
}
