using System.Globalization;
using Certification.Common;

namespace Certification.CustomFields;

/// <summary>Which records a field belongs to. Values are stored: never renumber.</summary>
public enum CustomFieldEntity
{
    Client = 1,
    Person = 2,
}

/// <summary>Values are stored: never renumber.</summary>
public enum CustomFieldType
{
    Text = 1,
    Number = 2,
    Date = 3,
    Choice = 4,
    YesNo = 5,
}

/// <summary>A field a training administrator adds to clients or people, e.g. "Liczba mieszkańców" or "Członek stowarzyszenia".</summary>
[GenerateSerializer, Immutable, Alias("cert.customfields.CustomFieldDefinition")]
public sealed record CustomFieldDefinition(
    [property: Id(0)] Guid Id,
    [property: Id(1)] CustomFieldEntity Entity,
    [property: Id(2)] string Name,
    [property: Id(3)] CustomFieldType Type,
    [property: Id(4)] IReadOnlyList<string> Choices,
    [property: Id(5)] bool Required,
    [property: Id(6)] bool ShowOnLists,
    [property: Id(7)] bool Active = true);

/// <summary>How field definitions and values are checked; values are kept as invariant text (number with a dot, date as yyyy-MM-dd, true/false).</summary>
public static class CustomFieldRules
{
    public const string ChoicesRequired = "custom_field.choices_required";
    public const string NotANumber = "custom_field.not_a_number";
    public const string NotADate = "custom_field.not_a_date";
    public const string NotAChoice = "custom_field.not_a_choice";
    public const string NotYesNo = "custom_field.not_yes_no";
    public const string UnknownField = "custom_field.unknown";

    public static (CustomFieldDefinition Normalized, List<FieldError> Errors) Check(CustomFieldDefinition definition)
    {
        var errors = new List<FieldError>();
        var name = FieldRules.Text(errors, "Name", definition.Name, 100) ?? string.Empty;
        var choices = definition.Choices.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (definition.Type == CustomFieldType.Choice && choices.Count < 2)
        {
            errors.Add(new FieldError("Choices", ChoicesRequired));
        }

        if (definition.Id == Guid.Empty)
        {
            errors.Add(new FieldError("Id", ErrorCodes.Required));
        }

        return (definition with { Name = name, Choices = definition.Type == CustomFieldType.Choice ? choices : [] }, errors);
    }

    /// <summary>The value as stored, or the rule it breaks; an empty value is null (and refused when required).</summary>
    public static (string? Value, string? Error) Normalize(CustomFieldDefinition field, string? input)
    {
        var text = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (text is null)
        {
            return (null, field.Required ? ErrorCodes.Required : null);
        }

        switch (field.Type)
        {
            case CustomFieldType.Text:
                return text.Length > 500 ? (null, ErrorCodes.TooLong) : (text, null);
            case CustomFieldType.Number:
                var number = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
                return decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                    ? (value.ToString(CultureInfo.InvariantCulture), null)
                    : (null, NotANumber);
            case CustomFieldType.Date:
                return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, NotADate);
            case CustomFieldType.Choice:
                var choice = field.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                return choice is null ? (null, NotAChoice) : (choice, null);
            case CustomFieldType.YesNo:
                return text.ToLowerInvariant() switch
                {
                    "true" or "tak" or "yes" => ("true", null),
                    "false" or "nie" or "no" => ("false", null),
                    _ => (null, NotYesNo),
                };
            default:
                return (null, UnknownField);
        }
    }
}
