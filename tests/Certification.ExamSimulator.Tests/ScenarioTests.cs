using System.Globalization;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Sheet;

namespace Certification.ExamSimulator.Tests;

public sealed class ScenarioTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    [InlineData(2_147_483_647)]
    public void TheSameSeedGivesTheSameScenarioAndSheetByteForByte(int seed)
    {
        var first = ScenarioGenerator.Generate(seed);
        var second = ScenarioGenerator.Generate(seed);

        Assert.Equal(SimulatorJson.Serialize(first), SimulatorJson.Serialize(second));
        Assert.Equal(ScenarioText.Write(first, TaskSheetWriter.Write(first)), ScenarioText.Write(second, TaskSheetWriter.Write(second)));
    }

    [Fact]
    public void TheScenarioDoesNotDependOnTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("pl-PL");
            var polish = SimulatorJson.Serialize(ScenarioGenerator.Generate(7));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            var turkish = SimulatorJson.Serialize(ScenarioGenerator.Generate(7));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            var english = SimulatorJson.Serialize(ScenarioGenerator.Generate(7));

            Assert.Equal(polish, turkish);
            Assert.Equal(polish, english);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentScenariosAndSheets()
    {
        var texts = Enumerable.Range(1, 5).Select(seed =>
        {
            var scenario = ScenarioGenerator.Generate(seed);
            return ScenarioText.Write(scenario, TaskSheetWriter.Write(scenario));
        }).ToList();

        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(77)]
    [InlineData(1234)]
    public void AScenarioHasTheWorldTheIssueAsksFor(int seed)
    {
        var scenario = ScenarioGenerator.Generate(seed);
        var state = scenario.InitialState();

        Assert.InRange(state.Accounts.Count, 30, 60);
        Assert.All(state.Accounts, a => Assert.NotEmpty(state.ContactsOf(a.Id)));
        Assert.All(state.Accounts.Where(a => a.Data.Nip is not null), a => Assert.True(InputRules.IsValidNip(a.Data.Nip!), a.Data.Nip));
        Assert.Equal(state.Accounts.Count, state.Accounts.Select(a => a.Data.Nip).Where(n => n is not null).Distinct().Count() + state.Accounts.Count(a => a.Data.Nip is null));
        Assert.All(state.Products, p => Assert.True(p.NetPrice > 0));
        var pipeline = Assert.Single(state.Pipelines);
        Assert.Equal(4, pipeline.Stages.Count);
        Assert.InRange(state.Opportunities.Count(o => o.Status == OpportunityStatus.Open), 16, 22);
        Assert.True(state.Opportunities.Count(o => o.Status == OpportunityStatus.Won) >= 3);
        Assert.Contains(state.Tasks, t => t.Status != CrmTaskStatus.Done && t.Data.DueDate >= scenario.ReferenceDate);
        Assert.Equal(DayOfWeek.Monday, scenario.ReferenceDate.DayOfWeek);

        // The records the sheet asks to fix are incomplete or outdated as the candidate finds them.
        var incomplete = state.FindAccount(scenario.Exercise.AccountFixes[0].AccountId)!;
        Assert.Null(incomplete.Data.Nip);
        Assert.Null(incomplete.Data.Phone);
        var moved = state.FindAccount(scenario.Exercise.AccountFixes[1].AccountId)!;
        Assert.NotEqual(scenario.Exercise.AccountFixes[1].Fields.Single(f => f.Field == "city").Value, moved.Data.City);
        Assert.DoesNotContain(state.Accounts, a => a.Data.Nip == scenario.Exercise.NewAccounts[0].Data.Nip || a.Data.Name == scenario.Exercise.NewAccounts[1].Data.Name);
        Assert.True(scenario.Exercise.Schedule.To > scenario.Exercise.Schedule.From.AddDays(3 * scenario.Exercise.Schedule.StageIds.Count));

        // Ids given to the candidate's records never clash with the scenario's.
        Assert.True(state.Opportunities.SelectMany(o => o.Activities).All(a => int.Parse(a.Id[4..], CultureInfo.InvariantCulture) <= state.Counters.Activities));
        Assert.Equal(state.Tasks.Count, state.Counters.Tasks);
    }

    [Fact]
    public void TheBriefSaysInPolishWhatIsSoldToWhomAndTheGoals()
    {
        var scenario = ScenarioGenerator.Generate(42);

        Assert.Contains("Sprzedajesz", scenario.Brief.Situation, StringComparison.Ordinal);
        Assert.Contains(scenario.Seller.Name, scenario.Brief.Situation, StringComparison.Ordinal);
        Assert.Equal(4, scenario.Brief.Goals.Count);
    }

    [Fact]
    public void EverySeedGivesAScenarioWhoseTargetsAreDistinctRecords()
    {
        foreach (var seed in Enumerable.Range(0, 200))
        {
            var x = ScenarioGenerator.Generate(seed).Exercise;
            string[] opportunities =
            [
                x.Activities.OpportunityId, x.Schedule.OpportunityId, x.ValueChange.OpportunityId, x.Reassign.OpportunityId, x.Offer.OpportunityId,
                .. x.Moves.Skip(1).Select(m => m.OpportunityId), .. x.Closes.Select(c => c.OpportunityId),
            ];
            string[] tasks = [.. x.StageAssignments.Select(a => a.TaskId), .. x.Priorities.Select(p => p.TaskId), x.Questions.Single(q => q.Kind == QuestionKind.TaskProgress).SubjectId];

            Assert.Equal(opportunities.Length, opportunities.Distinct().Count());
            Assert.Equal(tasks.Length, tasks.Distinct().Count());
            Assert.Equal(x.Activities.OpportunityId, x.Moves[0].OpportunityId);
        }
    }
}
