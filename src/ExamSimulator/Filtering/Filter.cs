using System.Globalization;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Filtering;

/// <summary>Conditions on catalogue fields, joined with "and": the filter of segments, task lists and reports.</summary>
public static class Filter
{
    public static IEnumerable<CommandError> Validate(ReportSource source, IReadOnlyList<FilterCondition> conditions, string field = "conditions")
    {
        foreach (var condition in conditions)
        {
            var definition = FieldCatalog.Find(source, condition.Field);
            if (definition is null)
            {
                yield return Refusals.FieldUnknown(field, condition.Field);
                continue;
            }

            if (!Allows(definition.Type, condition.Operator))
            {
                yield return Refusals.OperatorNotFor(field, definition.Label);
                continue;
            }

            if (condition.Operator is FilterOperator.IsEmpty or FilterOperator.IsNotEmpty)
            {
                continue;
            }

            var value = condition.Value ?? "";
            var fits = definition.Type switch
            {
                FieldType.Number or FieldType.Money => PlText.ParseAmount(value) is not null,
                FieldType.Date => ParseDate(value) is not null,
                FieldType.Choice => definition.Choices.Any(c => PlText.SameKey(c, value)),
                FieldType.Text => !string.IsNullOrWhiteSpace(value),
                _ => true,
            };
            if (!fits)
            {
                yield return Refusals.FilterValue(field, definition, value);
            }
        }
    }

    /// <summary>The rows every condition holds for; conditions must have been validated.</summary>
    public static IReadOnlyList<SourceRow> Apply(SandboxState state, ReportSource source, IReadOnlyList<FilterCondition> conditions) =>
        [.. FieldCatalog.Rows(state, source).Where(row => conditions.All(c => Holds(state, source, row, c)))];

    public static bool Holds(SandboxState state, ReportSource source, SourceRow row, FilterCondition condition)
    {
        var definition = FieldCatalog.Find(source, condition.Field);
        if (definition is null)
        {
            return false;
        }

        var value = definition.Read(state, row.Record);
        switch (condition.Operator)
        {
            case FilterOperator.IsEmpty:
                return value.IsEmpty();
            case FilterOperator.IsNotEmpty:
                return !value.IsEmpty();
        }

        var wanted = condition.Value ?? "";
        switch (definition.Type)
        {
            case FieldType.Number or FieldType.Money:
                var number = PlText.ParseAmount(wanted);
                return value.Number is { } n && number is { } w && Compare(condition.Operator, n.CompareTo(w));
            case FieldType.Date:
                var date = ParseDate(wanted);
                return value.Date is { } d && date is { } wd && Compare(condition.Operator, d.CompareTo(wd));
            default:
                var key = PlText.Key(value.Text);
                var wantedKey = PlText.Key(wanted);
                return condition.Operator switch
                {
                    FilterOperator.Equals => key == wantedKey,
                    FilterOperator.NotEquals => key != wantedKey,
                    FilterOperator.Contains => key.Contains(wantedKey, StringComparison.Ordinal),
                    _ => false,
                };
        }
    }

    /// <summary>"2026-03-09" or "09.03.2026".</summary>
    public static DateOnly? ParseDate(string? text)
    {
        string[] formats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];
        return DateOnly.TryParseExact(text?.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public static string OperatorLabel(FilterOperator op) => op switch
    {
        FilterOperator.Equals => "=",
        FilterOperator.NotEquals => "≠",
        FilterOperator.Contains => "zawiera",
        FilterOperator.AtLeast => "≥",
        FilterOperator.AtMost => "≤",
        FilterOperator.IsEmpty => "jest puste",
        FilterOperator.IsNotEmpty => "nie jest puste",
        _ => op.ToString(),
    };

    /// <summary>"Branża = Handel i Województwo = wielkopolskie", as evidence and lists show a filter.</summary>
    public static string Describe(ReportSource source, IReadOnlyList<FilterCondition> conditions) =>
        conditions.Count == 0
            ? "bez warunków"
            : string.Join(" i ", conditions.Select(c =>
            {
                var label = FieldCatalog.Find(source, c.Field)?.Label ?? c.Field;
                return c.Operator is FilterOperator.IsEmpty or FilterOperator.IsNotEmpty
                    ? $"{label} {OperatorLabel(c.Operator)}"
                    : $"{label} {OperatorLabel(c.Operator)} {c.Value}";
            }));

    private static bool Allows(FieldType type, FilterOperator op) => op switch
    {
        FilterOperator.Equals or FilterOperator.NotEquals or FilterOperator.IsEmpty or FilterOperator.IsNotEmpty => true,
        FilterOperator.Contains => type == FieldType.Text,
        FilterOperator.AtLeast or FilterOperator.AtMost => type is FieldType.Number or FieldType.Money or FieldType.Date,
        _ => false,
    };

    private static bool Compare(FilterOperator op, int comparison) => op switch
    {
        FilterOperator.Equals => comparison == 0,
        FilterOperator.NotEquals => comparison != 0,
        FilterOperator.AtLeast => comparison >= 0,
        FilterOperator.AtMost => comparison <= 0,
        _ => false,
    };
}
