using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Reports;

public sealed record ReportColumn(string Label, FieldType Type);

/// <summary>A cell as shown (<see cref="Text"/>) and, for numbers, the value behind it (for CSV and charts).</summary>
public sealed record ReportCell(string Text, decimal? Number);

public sealed record ReportRow(IReadOnlyList<ReportCell> Cells);

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>What a chart needs: one category per group on the axis, one series per summary or per compared value.</summary>
public sealed record ReportChart(ChartKind Kind, string Title, string CategoryLabel, string ValueLabel, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

/// <summary>
/// A report run on a state: the table to show or export (the summary of a grouped report, otherwise the records),
/// the chosen fields of the records under a grouped report (<see cref="DetailColumns"/>, empty when none were
/// chosen), the chart when one was chosen, and the ids of the records that passed the filter (what the checkers
/// compare with the records asked for).
/// </summary>
public sealed record ReportResult(
    string Name,
    ReportSource Source,
    string FilterText,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<ReportColumn> DetailColumns,
    IReadOnlyList<ReportRow> DetailRows,
    ReportChart? Chart,
    IReadOnlyList<string> RecordIds);
