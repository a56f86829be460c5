using Certification.ExamSimulator.Reports;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>
/// The report builder: fields, filters, grouping with a comparison, summaries and the form of presentation (a table or
/// a chart); saved reports run on the sandbox as it is now and export to CSV.
/// </summary>
public sealed class ReportsModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportSource Source { get; set; } = ReportSource.Opportunities;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Columns { get; set; } = [];

    [BindProperty]
    public List<ConditionRow> Filters { get; set; } = [];

    [BindProperty]
    public string? GroupField { get; set; }

    [BindProperty]
    public DateBucket Bucket { get; set; }

    [BindProperty]
    public string? SeriesField { get; set; }

    [BindProperty]
    public List<AggregateRow> Aggregates { get; set; } = [];

    [BindProperty]
    public ChartKind Chart { get; set; } = ChartKind.Table;

    public ReportResult? Result { get; private set; }

    public SavedReport? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Saved = State.FindReport(Show);
        if (Saved is not null)
        {
            Fill(Saved.Name, Saved.Definition);
            Result = ReportEngine.Run(State, Saved.Name, Saved.Definition);
        }

        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var definition = Definition();
        var errors = ReportEngine.Validate(definition).ToList();
        foreach (var error in errors)
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }

        Result = errors.Count == 0 ? ReportEngine.Run(State, Name ?? "", definition) : null;
        Saved = State.FindReport(Show);
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await SendAsync(new SaveReport(State.FindReport(Show)?.Id, Name ?? "", Definition())))
        {
            return RedirectToPage(new { SessionId, show = CreatedId ?? Show });
        }

        Saved = State.FindReport(Show);
        Pad();
        return Page();
    }

    /// <summary>Records the export in the sandbox, then hands over the file made from the report as it is now.</summary>
    public async Task<IActionResult> OnPostExportAsync()
    {
        if (!await LoadAsync() || State.FindReport(Show) is not { } report)
        {
            return NotFound();
        }

        if (!await SendAsync(new ExportReport(report.Id, ExportFormat.Csv)))
        {
            Saved = report;
            Pad();
            return Page();
        }

        var csv = ReportCsv.Write(ReportEngine.Run(State, report.Name, report.Definition));
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", $"raport-{report.Id}.csv");
    }

    private ReportDefinition Definition()
    {
        var grouping = string.IsNullOrEmpty(GroupField) ? null : new ReportGrouping(GroupField, Bucket, string.IsNullOrEmpty(SeriesField) ? null : SeriesField);
        var aggregates = grouping is null
            ? []
            : Aggregates.Where(a => a.Function is not null)
                .Select(a => new ReportAggregate(a.Function!.Value, a.Function == AggregateFunction.Count ? null : a.Field))
                .ToList();
        return new ReportDefinition(Source, [.. Columns], ConditionRow.Conditions(Filters), grouping, [.. aggregates], Chart);
    }

    private void Fill(string name, ReportDefinition definition)
    {
        (Name, Source, Chart) = (name, definition.Source, definition.Chart);
        Columns = [.. definition.Columns];
        Filters = ConditionRow.Rows(definition.Filters, 3);
        (GroupField, Bucket, SeriesField) = (definition.Grouping?.Field, definition.Grouping?.Bucket ?? DateBucket.None, definition.Grouping?.SeriesField);
        Aggregates = [.. definition.Aggregates.Select(a => new AggregateRow { Function = a.Function, Field = a.Field })];
    }

    private void Pad()
    {
        if (Filters.Count == 0)
        {
            Filters = ConditionRow.Rows([], 3);
        }

        while (Aggregates.Count < 2)
        {
            Aggregates.Add(new AggregateRow());
        }
    }

    public sealed class AggregateRow
    {
        public AggregateFunction? Function { get; set; }

        public string? Field { get; set; }
    }
}
