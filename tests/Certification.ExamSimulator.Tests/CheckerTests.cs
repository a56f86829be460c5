using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Tests;

/// <summary>Each checker on right, partly right and wrong work for its criterion, on two scenarios.</summary>
public sealed class CheckerTests
{
    private static readonly Dictionary<string, (Action<Candidate> Right, Action<Candidate> Partly, Action<Candidate> Wrong)> Work = new(StringComparer.Ordinal)
    {
        ["1.2.2"] = (
            c => { c.NewAccount(0); c.NewAccount(1); },
            c => c.NewAccount(0),
            c => c.Ok(new CreateAccount(c.X.NewAccounts[0].Data with { Name = "Zupełnie Inna Firma sp. z o.o.", Nip = "5260250274" }))),
        ["1.2.3"] = (
            c => { c.NewAccount(0); c.NewAccount(1); },
            c => { c.NewAccount(0, withContact: false); c.NewAccount(1, withContact: false, change: d => d with { Phone = "+48 500 000 000" }); },
            c => c.NewAccount(0, withContact: false, change: d => new AccountData(d.Name, d.Kind, null, null, null, null, null, null, null, null, null, null, d.Status))),
        ["1.2.4"] = (
            c => c.Ok(new SaveSegment(null, c.X.Segment.Name, c.X.Segment.Purpose, Candidate.SegmentConditions(c.X.Segment))),
            c => c.Ok(new SaveSegment(null, c.X.Segment.Name, c.X.Segment.Purpose, Candidate.SegmentConditions(c.X.Segment, excludeFormer: false))),
            c => c.Ok(new SaveSegment(null, "Byli klienci", null, [new("status", FilterOperator.Equals, "Były klient"), new("industry", FilterOperator.NotEquals, c.X.Segment.Industry)]))),
        ["1.2.5"] = (
            c => { c.FixAccount(0); c.FixAccount(1); c.FixContact(0); },
            c => c.FixAccount(0),
            c => c.FixAccount(0, right: false)),
        ["2.1.1"] = (
            c => c.Ok(new SaveTaskList(null, c.X.TaskList.Name, c.X.TaskList.From, c.X.TaskList.To, [])),
            c => c.Ok(new SaveTaskList(null, c.X.TaskList.Name, c.X.TaskList.From, c.X.TaskList.To.AddDays(2), [])),
            c => c.Ok(new SaveTaskList(null, "Ten tydzień", c.X.TaskList.From.AddDays(-7), c.X.TaskList.To.AddDays(-7), []))),
        ["2.1.2"] = (
            c => { foreach (var p in c.X.Priorities) { c.SetPriority(p.TaskId, p.Priority); } },
            c => c.SetPriority(c.X.Priorities[0].TaskId, c.X.Priorities[0].Priority),
            c => { foreach (var p in c.X.Priorities) { c.SetPriority(p.TaskId, p.Priority == TaskPriority.Low ? TaskPriority.Urgent : TaskPriority.Low); } }),
        ["2.1.3"] = (
            c => { c.Answer("P1"); c.Answer("P2"); },
            c => { c.Answer("P1"); c.Answer("P2", right: false); },
            c => { c.Answer("P1", right: false); c.Answer("P2", right: false); }),
        ["2.1.4"] = (
            c => { c.Answer("P3"); c.Answer("P4"); },
            c => { c.Answer("P3", right: false); c.Answer("P4"); },
            c => { c.Answer("P3", right: false); c.Answer("P4", right: false); }),
        ["2.2.3"] = (
            c => c.Ok(new CreatePipeline(c.X.Pipeline.Name, c.X.Pipeline.Stages)),
            c => c.Ok(new CreatePipeline(c.X.Pipeline.Name, [.. c.X.Pipeline.Stages.Take(2).Reverse()])),
            c => c.Ok(new CreatePipeline("Mój lejek", ["Etap A", "Etap B"]))),
        ["2.2.4"] = (
            c => { foreach (var a in c.X.StageAssignments) { c.AssignStage(a.TaskId, a.StageId); } },
            c => c.AssignStage(c.X.StageAssignments[0].TaskId, c.X.StageAssignments[0].StageId),
            c => { foreach (var a in c.X.StageAssignments) { c.AssignStage(a.TaskId, a.StageId == c.Stage(0) ? c.Stage(1) : c.Stage(0)); } }),
        ["2.2.5"] = (
            c => c.Schedule(),
            c => c.Schedule(withStages: false),
            c => c.Schedule(daysAfterWindow: 5)),
        ["2.3.1"] = (
            c => c.Report(c.X.StageReport.Name, c.StageReport()),
            c => c.Report(c.X.StageReport.Name, c.StageReport(columns: ["name", "value"])),
            c => c.Report("Klienci", new ReportDefinition(ReportSource.Accounts, ["name", "city"], [], null, [], ChartKind.Table))),
        ["2.3.2"] = (
            c => { c.Report(c.X.StageReport.Name, c.StageReport()); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport()); },
            c => { c.Report(c.X.StageReport.Name, c.StageReport(minValue: false)); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport(filters: false)); },
            c => { c.Report(c.X.StageReport.Name, c.StageReport(filters: false)); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport(filters: false)); }),
        ["2.3.4"] = (
            c => { c.Report(c.X.StageReport.Name, c.StageReport()); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport()); },
            c => c.Report(c.X.StageReport.Name, c.StageReport()),
            c => { c.Report(c.X.StageReport.Name, c.StageReport(grouped: false)); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport(grouped: false)); }),
        ["2.3.5"] = (
            c => { c.Report(c.X.StageReport.Name, c.StageReport(chart: ChartKind.Bar)); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport(chart: ChartKind.Line)); },
            c => { c.Report(c.X.StageReport.Name, c.StageReport(chart: ChartKind.Pie)); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport(chart: ChartKind.Table)); },
            c => { c.Report(c.X.StageReport.Name, c.StageReport(chart: ChartKind.Table)); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport(chart: ChartKind.Pie)); }),
        ["2.3.6"] = (
            c => { c.Report(c.X.StageReport.Name, c.StageReport()); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport()); },
            c => { c.Report(c.X.StageReport.Name, c.StageReport(), export: false); c.Report(c.X.MonthlyReport.Name, Candidate.MonthlyReport(), export: false); },
            c => c.Report(c.X.StageReport.Name, c.StageReport(filters: false, grouped: false), export: false)),
        ["2.4.1"] = (
            c => c.Template(),
            c => c.Template("Oferta dla {{ klient.nazwa }}"),
            c => Assert.False(c.Do(new SaveOfferTemplate(null, c.X.Offer.TemplateName, "Oferta dla {{ klient.nazwisko_prezesa }}")).Outcome.Accepted)),
        ["2.4.2"] = (
            c => c.Template(),
            c => c.Template("Szanowni Państwo, przesyłamy ofertę dla {{ klient.nazwa }}. Zapraszamy do kontaktu z naszym działem handlowym w dowolnym dniu roboczym."),
            c => c.Template("Szanowni Państwo, przesyłamy ofertę na nasze produkty. Zapraszamy do kontaktu z naszym działem handlowym w dowolnym dniu roboczym.")),
        ["2.4.3"] = (
            c => c.Offer(c.Template()),
            c => c.Offer(c.Template(), rightLines: false),
            c => Assert.False(c.Do(new GenerateOffer(c.Template(), c.X.Offer.AccountId, c.X.Reassign.RightContactId, null, [new(c.X.Offer.Lines[0].ProductId, 1, 0)], 30)).Outcome.Accepted)),
        ["2.4.4"] = (
            c => c.Ok(new SendOffer(c.Offer(c.Template()), null)),
            c => c.Ok(new SendOffer(c.Offer(c.Template(), accountId: OtherAccountWithEmail(c)), null)),
            c => c.Offer(c.Template())),
        ["2.5.1"] = (
            c => { c.NewOpportunity(c.NewAccount(0)); c.Revalue(); },
            c => c.NewOpportunity(c.NewAccount(0)),
            c => Assert.False(c.Do(new CreateOpportunity(new OpportunityDetails(c.X.NewOpportunity.Name, c.NewAccount(0), null, 0, c.X.NewOpportunity.ExpectedClose), c.Main, c.Stage(0))).Outcome.Accepted)),
        ["2.5.2"] = (
            c => c.AddActivities(2),
            c => c.AddActivities(1, complete: false),
            c => c.AddActivities(2, stageId: c.X.Moves[0].ToStageId)),
        ["2.5.3"] = (
            c => { c.NewOpportunity(c.NewAccount(0)); c.Revalue(); },
            c => c.NewOpportunity(c.NewAccount(0), value: c.X.NewOpportunity.Value + 500),
            c => { c.NewOpportunity(c.NewAccount(0), value: c.X.NewOpportunity.Value + 500, stage: 2); c.Revalue(c.X.ValueChange.NewValue + 100); }),
        ["2.5.4"] = (
            c => { c.AddActivities(2); c.Move(0); c.Move(1); },
            c => c.Move(1),
            c => c.Ok(new MoveOpportunity(c.X.Moves[1].OpportunityId, c.Stage(1)))),
        ["2.5.5"] = (
            c => { c.NewOpportunity(c.NewAccount(0)); c.Reassign(c.X.Reassign.RightAccountId, c.X.Reassign.RightContactId); },
            c => c.Reassign(c.X.Reassign.RightAccountId, c.X.Reassign.RightContactId),
            c => { c.NewOpportunity(c.X.Reassign.RightAccountId); c.Reassign(c.X.Offer.AccountId, null); }),
        ["2.5.6"] = (
            c => { c.Close(0); c.Close(1); },
            c => c.Close(0),
            c => { c.Close(0, asAsked: false); c.Close(1, asAsked: false); }),
    };

    public static TheoryData<string, int> Criteria()
    {
        var data = new TheoryData<string, int>();
        foreach (var id in Work.Keys)
        {
            data.Add(id, 42);
            data.Add(id, 1001);
        }

        return data;
    }

    [Fact]
    public void EveryCheckerHasItsCases() =>
        Assert.Equal(CriterionCheckers.All.Select(c => c.CriterionId), Work.Keys);

    [Theory]
    [MemberData(nameof(Criteria))]
    public void RightWorkIsMet(string criterion, int seed) => AssertVerdict(criterion, seed, Work[criterion].Right, Verdict.Met);

    [Theory]
    [MemberData(nameof(Criteria))]
    public void PartlyRightWorkIsPartlyMet(string criterion, int seed) => AssertVerdict(criterion, seed, Work[criterion].Partly, Verdict.PartlyMet);

    [Theory]
    [MemberData(nameof(Criteria))]
    public void WrongWorkIsNotMet(string criterion, int seed) => AssertVerdict(criterion, seed, Work[criterion].Wrong, Verdict.NotMet);

    [Fact]
    public void EvidenceNamesTheRecordTheMoveAndTheTimeOfDay()
    {
        var candidate = new Candidate();
        candidate.Close(0);
        var won = candidate.State.FindOpportunity(candidate.X.Closes[0].OpportunityId)!;

        var evidence = candidate.Verdict("2.5.6").Evidence.Select(e => e.Text).ToList();

        // 09:01 UTC on 24 November is 10:01 in Poland.
        Assert.Contains(evidence, e => e.StartsWith($"Szansa „{won.Details.Name}” dla {candidate.State.AccountName(won.Details.AccountId)}: „Negocjacje” → Wygrana o 10:01", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAnswerIsJudgedByTheCrmAsItWasWhenItWasGiven()
    {
        var candidate = new Candidate();
        candidate.Answer("P3");
        candidate.Move(1);

        Assert.Equal(Verdict.PartlyMet, candidate.Verdict("2.1.4").Verdict);
        Assert.Contains(candidate.Verdict("2.1.4").Evidence, e => e.Text.StartsWith("P3: odpowiedź", StringComparison.Ordinal) && e.Text.Contains("zgodna", StringComparison.Ordinal));
    }

    private static string OtherAccountWithEmail(Candidate c) =>
        c.State.Accounts.First(a => a.Id != c.X.Offer.AccountId && c.State.ContactsOf(a.Id).FirstOrDefault()?.Data.Email is not null).Id;

    private static void AssertVerdict(string criterion, int seed, Action<Candidate> work, Verdict expected)
    {
        var candidate = new Candidate(seed);
        work(candidate);

        var verdict = candidate.Verdict(criterion);

        Assert.True(expected == verdict.Verdict, $"{criterion}: expected {expected}, got {verdict.Verdict}: {verdict.Summary} | {string.Join(" | ", verdict.Evidence.Select(e => e.Text))}");
        Assert.NotEmpty(verdict.Evidence);
    }
}
