using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Reports;

/// <summary>Runs report definitions on a sandbox state: filter, then either list the chosen fields or group and summarise.</summary>
public static class ReportEngine
{
    public static IEnumerable<CommandError> Validate(ReportDefinition definition)
    {
        var source = definition.Source;
        foreach (var error in Filter.Validate(source, definition.Filters, "filters"))
        {
            yield return error;
        }

        foreach (var column in definition.Columns.Where(c => FieldCatalog.Find(source, c) is null))
        {
            yield return Refusals.FieldUnknown("columns", column);
        }

        if (definition.Grouping is null)
        {
            if (definition.Columns.Count == 0)
            {
                yield return Refusals.ColumnsRequired();
            }

            if (definition.Chart != ChartKind.Table)
            {
                yield return Refusals.ChartNeedsGrouping();
            }

            yield break;
        }

        var group = FieldCatalog.Find(source, definition.Grouping.Field);
        if (group is null)
        {
            yield return Refusals.FieldUnknown("grouping", definition.Grouping.Field);
        }
        else if (definition.Grouping.Bucket != DateBucket.None && group.Type != FieldType.Date)
        {
            yield return Refusals.BucketNotDate(group.Label);
        }

        if (definition.Grouping.SeriesField is { } series && FieldCatalog.Find(source, series) is null)
        {
            yield return Refusals.FieldUnknown("grouping", series);
        }

        if (definition.Aggregates.Count == 0)
        {
            yield return Refusals.AggregatesRequired();
        }

        foreach (var aggregate in definition.Aggregates.Where(a => a.Function != AggregateFunction.Count))
        {
            var field = FieldCatalog.Find(source, aggregate.Field);
            if (field is null)
            {
                yield return Refusals.FieldUnknown("aggregates", aggregate.Field ?? "");
            }
            else if (field.Type is not (FieldType.Number or FieldType.Money))
            {
                yield return Refusals.AggregateNotNumeric(field.Label);
            }
        }
    }

    public static ReportResult Run(SandboxState state, string name, ReportDefinition definition)
    {
        var source = definition.Source;
        var rows = Filter.Apply(state, source, definition.Filters);
        var ids = rows.Select(r => r.Id).ToList();
        var filterText = Filter.Describe(source, definition.Filters);
        var fields = definition.Columns.Select(c => FieldCatalog.Find(source, c)).OfType<FieldDefinition>().ToList();
        var columns = fields.Select(f => new ReportColumn(f.Label, f.Type)).ToList();
        var records = rows.Select(r => new ReportRow([.. fields.Select(f => Cell(f.Read(state, r.Record)))])).ToList();
        if (definition.Grouping is null)
        {
            return new ReportResult(name, source, filterText, columns, records, [], [], null, ids);
        }

        return Grouped(state, name, definition, rows, filterText, ids) with { DetailColumns = columns, DetailRows = records };
    }

    public static string AggregateLabel(ReportSource source, ReportAggregate aggregate)
    {
        var field = FieldCatalog.Find(source, aggregate.Field)?.Label ?? "";
        return aggregate.Function switch
        {
            AggregateFunction.Count => "Liczba",
            AggregateFunction.Sum => $"Suma: {field}",
            AggregateFunction.Average => $"Średnia: {field}",
            AggregateFunction.Min => $"Minimum: {field}",
            AggregateFunction.Max => $"Maksimum: {field}",
            _ => aggregate.Function.ToString(),
        };
    }

    public static string ChartLabel(ChartKind kind) => kind switch
    {
        ChartKind.Table => "Tabela",
        ChartKind.Bar => "Wykres słupkowy",
        ChartKind.Line => "Wykres liniowy",
        ChartKind.Pie => "Wykres kołowy",
        _ => kind.ToString(),
    };

    public static string BucketLabel(DateBucket bucket) => bucket switch
    {
        DateBucket.Month => "miesiącami",
        DateBucket.Quarter => "kwartałami",
        DateBucket.Year => "latami",
        _ => "",
    };

    private static ReportResult Grouped(
        SandboxState state, string name, ReportDefinition definition, IReadOnlyList<SourceRow> rows, string filterText, List<string> ids)
    {
        var source = definition.Source;
        var grouping = definition.Grouping!;
        var groupField = FieldCatalog.Find(source, grouping.Field)!;
        var seriesField = FieldCatalog.Find(source, grouping.SeriesField);
        var keyed = rows
            .Select(r => (Row: r, Group: Key(groupField.Read(state, r.Record), grouping.Bucket), Series: seriesField is null ? null : Key(seriesField.Read(state, r.Record), DateBucket.None)))
            .ToList();
        var groups = Distinct(keyed.Select(k => k.Group));
        var series = seriesField is null ? [] : Distinct(keyed.Select(k => k.Series!));
        var aggregates = definition.Aggregates;

        var columns = new List<ReportColumn> { new(groupField.Label, FieldType.Text) };
        if (seriesField is not null)
        {
            columns.Add(new ReportColumn(seriesField.Label, FieldType.Text));
        }

        columns.AddRange(aggregates.Select(a => new ReportColumn(AggregateLabel(source, a), AggregateType(source, a))));

        var table = new List<ReportRow>();
        foreach (var group in groups)
        {
            var inGroup = keyed.Where(k => k.Group == group).ToList();
            if (seriesField is null)
            {
                table.Add(new ReportRow([new ReportCell(group.Text, null), .. aggregates.Select(a => Aggregate(state, source, a, inGroup.Select(k => k.Row)))]));
                continue;
            }

            foreach (var s in series.Where(s => inGroup.Any(k => k.Series == s)))
            {
                var cell = inGroup.Where(k => k.Series == s).Select(k => k.Row);
                table.Add(new ReportRow([new ReportCell(group.Text, null), new ReportCell(s.Text, null), .. aggregates.Select(a => Aggregate(state, source, a, cell))]));
            }
        }

        ReportChart? chart = null;
        if (definition.Chart != ChartKind.Table && aggregates.Count > 0)
        {
            var categories = groups.Select(g => g.Text).ToList();
            var chartSeries = seriesField is null
                ? aggregates.Select(a => new ChartSeries(AggregateLabel(source, a),
                    [.. groups.Select(g => Aggregate(state, source, a, keyed.Where(k => k.Group == g).Select(k => k.Row)).Number ?? 0)])).ToList()
                : series.Select(s => new ChartSeries(s.Text,
                    [.. groups.Select(g => Aggregate(state, source, aggregates[0], keyed.Where(k => k.Group == g && k.Series == s).Select(k => k.Row)).Number ?? 0)])).ToList();
            chart = new ReportChart(definition.Chart, name, groupField.Label, AggregateLabel(source, aggregates[0]), categories, chartSeries);
        }

        return new ReportResult(name, source, filterText, columns, table, [], [], chart, ids);
    }

    private sealed record GroupKey(string Text, int Order, DateOnly? Date, decimal? Number);

    private static GroupKey Key(FieldValue value, DateBucket bucket)
    {
        if (value.Date is { } date && bucket != DateBucket.None)
        {
            var start = bucket switch
            {
                DateBucket.Month => new DateOnly(date.Year, date.Month, 1),
                DateBucket.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
                _ => new DateOnly(date.Year, 1, 1),
            };
            var text = bucket switch
            {
                DateBucket.Month => PlFormat.Month(start.Year, start.Month),
                DateBucket.Quarter => $"{PlFormat.Count((start.Month - 1) / 3 + 1)}. kwartał {PlFormat.Count(start.Year)}",
                _ => PlFormat.Count(start.Year),
            };
            return new GroupKey(text, 0, start, null);
        }

        return new GroupKey(value.IsEmpty() ? "(brak)" : value.Text, value.Order, value.Date, value.Number);
    }

    /// <summary>Groups in the order their field means: funnel order of stages, dates, numbers, then text.</summary>
    private static List<GroupKey> Distinct(IEnumerable<GroupKey> keys) =>
        [.. keys.Distinct()
            .OrderBy(k => k.Order)
            .ThenBy(k => k.Date ?? DateOnly.MinValue)
            .ThenBy(k => k.Number ?? decimal.MinValue)
            .ThenBy(k => k.Text, StringComparer.Ordinal)];

    private static FieldType AggregateType(ReportSource source, ReportAggregate aggregate) =>
        aggregate.Function == AggregateFunction.Count ? FieldType.Number : FieldCatalog.Find(source, aggregate.Field)?.Type ?? FieldType.Number;

    private static ReportCell Aggregate(SandboxState state, ReportSource source, ReportAggregate aggregate, IEnumerable<SourceRow> rows)
    {
        var list = rows.ToList();
        if (aggregate.Function == AggregateFunction.Count)
        {
            return new ReportCell(PlFormat.Count(list.Count), list.Count);
        }

        var field = FieldCatalog.Find(source, aggregate.Field);
        if (field is null)
        {
            return new ReportCell("", null);
        }

        var numbers = list.Select(r => field.Read(state, r.Record).Number).OfType<decimal>().ToList();
        decimal? result = aggregate.Function switch
        {
            AggregateFunction.Sum => numbers.Sum(),
            AggregateFunction.Average when numbers.Count > 0 => Math.Round(numbers.Average(), 2),
            AggregateFunction.Min when numbers.Count > 0 => numbers.Min(),
            AggregateFunction.Max when numbers.Count > 0 => numbers.Max(),
            _ => null,
        };
        return result is null ? new ReportCell("", null) : new ReportCell(FieldValue.Of(result, field.Type).Text, result);
    }

    private static ReportCell Cell(FieldValue value) => new(value.Text, value.Number);
}
