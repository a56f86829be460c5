using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Reports;

/// <summary>A report definition in one Polish sentence, for the action stream and the evidence.</summary>
public static class ReportText
{
    public static string Describe(ReportDefinition definition)
    {
        var source = definition.Source;
        var parts = new List<string> { $"dane: {FieldCatalog.SourceLabel(source).ToLowerInvariant()}" };
        if (definition.Columns.Count > 0)
        {
            parts.Add("pola: " + string.Join(", ", definition.Columns.Select(c => FieldCatalog.Find(source, c)?.Label ?? c)));
        }

        parts.Add("filtr: " + Filter.Describe(source, definition.Filters));
        if (definition.Grouping is { } grouping)
        {
            var group = FieldCatalog.Find(source, grouping.Field)?.Label ?? grouping.Field;
            var bucket = grouping.Bucket == DateBucket.None ? "" : " (" + ReportEngine.BucketLabel(grouping.Bucket) + ")";
            var series = grouping.SeriesField is { } s ? $" w podziale na: {FieldCatalog.Find(source, s)?.Label ?? s}" : "";
            parts.Add($"grupowanie: {group}{bucket}{series}");
            parts.Add("podsumowania: " + string.Join(", ", definition.Aggregates.Select(a => ReportEngine.AggregateLabel(source, a))));
        }

        parts.Add("forma: " + ReportEngine.ChartLabel(definition.Chart).ToLowerInvariant());
        return string.Join("; ", parts);
    }
}
