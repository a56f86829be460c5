using Certification.ExamSimulator.Reports;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;
using static Certification.ExamSimulator.Checkers.CheckContext;

namespace Certification.ExamSimulator.Checkers;

public static partial class CriterionCheckers
{
    private static readonly string[] DateFields = ["closedOn", "expectedClose", "createdOn"];

    /// <summary>The candidate's report of open opportunities by stage, if any: by name, else the first grouped by stage.</summary>
    private static SavedReport? StageReport(CheckContext c) =>
        c.Final.Reports.FirstOrDefault(r => PlText.SameKey(r.Name, c.Exercise.StageReport.Name) && r.Definition.Source == ReportSource.Opportunities)
        ?? c.Final.Reports.FirstOrDefault(r => r.Definition.Source == ReportSource.Opportunities && r.Definition.Grouping?.Field == "stage");

    /// <summary>The candidate's monthly comparison, if any: by name, else the first grouped by a date per month.</summary>
    private static SavedReport? MonthlyReport(CheckContext c) =>
        c.Final.Reports.FirstOrDefault(r => PlText.SameKey(r.Name, c.Exercise.MonthlyReport.Name) && r.Definition.Source == ReportSource.Opportunities)
        ?? c.Final.Reports.FirstOrDefault(r => r.Definition.Source == ReportSource.Opportunities
            && r.Definition.Grouping is { Bucket: DateBucket.Month } g && DateFields.Contains(g.Field));

    private static HashSet<string> ExpectedStageRecords(CheckContext c) =>
        c.Final.Opportunities
            .Where(o => o.PipelineId == c.Exercise.StageReport.PipelineId && o.Status == OpportunityStatus.Open && o.Details.Value >= c.Exercise.StageReport.MinValue)
            .Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> ExpectedMonthlyRecords(CheckContext c) =>
        c.Final.Opportunities.Where(o => o.Status == OpportunityStatus.Won).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

    private static bool SameRecords(CheckContext c, SavedReport report, HashSet<string> expected) =>
        ReportEngine.Run(c.Final, report.Name, report.Definition).RecordIds.ToHashSet(StringComparer.Ordinal).SetEquals(expected);

    private static bool GroupsByStageWithSum(SavedReport? report) =>
        report?.Definition is { Grouping.Field: "stage" } d && d.Aggregates.Any(a => a.Function == AggregateFunction.Sum && a.Field == "value");

    private static bool GroupsByMonthWithSum(SavedReport? report) =>
        report?.Definition is { Grouping: { Bucket: DateBucket.Month } g } d && DateFields.Contains(g.Field)
        && d.Aggregates.Any(a => a.Function == AggregateFunction.Sum && a.Field == "value");

    private static Evidence Describe(CheckContext c, SavedReport report)
    {
        var result = ReportEngine.Run(c.Final, report.Name, report.Definition);
        var exported = report.Exports.IsEmpty ? "nie wyeksportowany" : $"wyeksportowany do CSV {When(report.Exports[^1].At)}";
        return Saw($"Raport „{report.Name}” zapisany {When(report.SavedAt)} ({ReportText.Describe(report.Definition)}): " +
            $"{PlFormat.Count(result.RecordIds.Count)} rekordów, {exported}.");
    }

    private static List<Evidence> ReportEvidence(CheckContext c)
    {
        var evidence = new List<Evidence>();
        foreach (var report in new[] { StageReport(c), MonthlyReport(c) }.OfType<SavedReport>().Distinct())
        {
            evidence.Add(Describe(c, report));
        }

        if (c.Final.Reports.IsEmpty)
        {
            evidence.Add(Saw("Nie zapisano żadnego raportu."));
        }
        else if (evidence.Count == 0)
        {
            evidence.AddRange(c.Final.Reports.Select(r => Describe(c, r)));
        }

        return evidence;
    }

    private static (Verdict, string, IEnumerable<Evidence>) ChoosesData(CheckContext c)
    {
        var report = StageReport(c);
        var evidence = ReportEvidence(c);
        var required = c.Exercise.StageReport.Columns;
        if (report is null)
        {
            var any = c.Final.Reports.Any(r => r.Definition.Source == ReportSource.Opportunities);
            return (any ? Verdict.PartlyMet : Verdict.NotMet,
                any ? "Raport na danych szans sprzedaży jest, ale nie zestawia ich według etapów." : "Brak raportu na danych szans sprzedaży.", evidence);
        }

        var missing = required.Where(f => !report.Definition.Columns.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            evidence.Add(Saw("Brakuje pól: " + string.Join(", ", missing.Select(f => Filtering.FieldCatalog.Find(ReportSource.Opportunities, f)!.Label)) + "."));
        }

        return (missing.Count == 0 ? Verdict.Met : Verdict.PartlyMet,
            $"Wybrane pola wskazane w arkuszu: {PlFormat.Count(required.Count - missing.Count)} z {PlFormat.Count(required.Count)}.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) FiltersData(CheckContext c)
    {
        var stage = StageReport(c);
        var monthly = MonthlyReport(c);
        var evidence = ReportEvidence(c);
        var stageRight = stage is not null && SameRecords(c, stage, ExpectedStageRecords(c));
        var monthlyRight = monthly is not null && SameRecords(c, monthly, ExpectedMonthlyRecords(c));
        evidence.Add(Saw(
            $"Oczekiwane rekordy: otwarte szanse lejka „{c.Final.FindPipeline(c.Exercise.StageReport.PipelineId)?.Name}” o wartości co najmniej " +
            $"{PlFormat.Money(c.Exercise.StageReport.MinValue)} ({PlFormat.Count(ExpectedStageRecords(c).Count)}) — " + (stageRight ? "raport zgodny" : "raport niezgodny lub brak") +
            $"; wygrane szanse ({PlFormat.Count(ExpectedMonthlyRecords(c).Count)}) — " + (monthlyRight ? "raport zgodny." : "raport niezgodny lub brak.")));
        var anyFilter = c.Final.Reports.Any(r => !r.Definition.Filters.IsEmpty);
        return (stageRight && monthlyRight ? Verdict.Met : stageRight || monthlyRight || anyFilter ? Verdict.PartlyMet : Verdict.NotMet,
            $"Raporty z danymi przefiltrowanymi zgodnie z kryteriami: {PlFormat.Count((stageRight ? 1 : 0) + (monthlyRight ? 1 : 0))} z 2.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) SummarisesData(CheckContext c)
    {
        var byStage = GroupsByStageWithSum(StageReport(c));
        var byMonth = GroupsByMonthWithSum(MonthlyReport(c));
        var anyGrouping = c.Final.Reports.Any(r => r.Definition.Grouping is not null);
        var evidence = ReportEvidence(c);
        evidence.Add(Saw("Suma wartości według etapów: " + (byStage ? "jest" : "brak") + "; porównanie wartości wygranych szans według miesięcy: " + (byMonth ? "jest." : "brak.")));
        return (byStage && byMonth ? Verdict.Met : byStage || byMonth || anyGrouping ? Verdict.PartlyMet : Verdict.NotMet,
            $"Zestawienia i porównania wskazane w arkuszu: {PlFormat.Count((byStage ? 1 : 0) + (byMonth ? 1 : 0))} z 2.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) ChoosesPresentation(CheckContext c)
    {
        var stage = StageReport(c);
        var monthly = MonthlyReport(c);
        var evidence = ReportEvidence(c);

        // Comparing stages reads best as bars; a pie shows shares rather than a comparison. Change over months reads as a line or bars.
        var stageFit = stage?.Definition.Chart switch { ChartKind.Bar => 2, ChartKind.Pie => 1, _ => 0 };
        var monthlyFit = monthly?.Definition.Chart switch { ChartKind.Line or ChartKind.Bar => 2, _ => 0 };
        if (stage is not null)
        {
            evidence.Add(Saw($"„{stage.Name}”: {ReportEngine.ChartLabel(stage.Definition.Chart).ToLowerInvariant()} — " +
                (stageFit == 2 ? "odpowiedni do porównania etapów." : stageFit == 1 ? "pokazuje udziały, słabiej porównanie etapów." : "nie ułatwia porównania etapów.")));
        }

        if (monthly is not null)
        {
            evidence.Add(Saw($"„{monthly.Name}”: {ReportEngine.ChartLabel(monthly.Definition.Chart).ToLowerInvariant()} — " +
                (monthlyFit == 2 ? "odpowiedni do pokazania zmian w czasie." : "nie pokazuje dobrze zmian w czasie.")));
        }

        var score = stageFit + monthlyFit;
        return (score == 4 ? Verdict.Met : score > 0 ? Verdict.PartlyMet : Verdict.NotMet,
            $"Formy prezentacji dobrane do celu: {PlFormat.Count((stageFit == 2 ? 1 : 0) + (monthlyFit == 2 ? 1 : 0))} z 2.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) GeneratesReports(CheckContext c)
    {
        var stage = StageReport(c);
        var monthly = MonthlyReport(c);
        var evidence = ReportEvidence(c);
        var stageRight = stage is not null && SameRecords(c, stage, ExpectedStageRecords(c)) && GroupsByStageWithSum(stage);
        var monthlyRight = monthly is not null && SameRecords(c, monthly, ExpectedMonthlyRecords(c)) && GroupsByMonthWithSum(monthly);
        var stageDone = stageRight && !stage!.Exports.IsEmpty;
        var monthlyDone = monthlyRight && !monthly!.Exports.IsEmpty;
        var anyExport = c.Final.Reports.Any(r => !r.Exports.IsEmpty);
        return (stageDone && monthlyDone ? Verdict.Met : stageRight || monthlyRight || anyExport ? Verdict.PartlyMet : Verdict.NotMet,
            $"Raporty zgodne z kryteriami i wyeksportowane: {PlFormat.Count((stageDone ? 1 : 0) + (monthlyDone ? 1 : 0))} z 2.", evidence);
    }
}
