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

/// <summary>
/// A field a training administrator adds to clients or people, e.g. "Liczba mieszkańców" or "Członek stowarzyszenia".
/// <see cref="ShowInExtranet"/>: partner administrators see and fill the (person) field on their people's forms;
/// a required person field is shown there whatever the flag says (see <see cref="CustomFieldRules.InExtranet"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.customfields.CustomFieldDefinition")]
public sealed record CustomFieldDefinition(
    [property: Id(0)] Guid Id,
    [property: Id(1)] CustomFieldEntity Entity,
    [property: Id(2)] string Name,
    [property: Id(3)] CustomFieldType Type,
    [property: Id(4)] IReadOnlyList<string> Choices,
    [property: Id(5)] bool Required,
    [property: Id(6)] bool ShowOnLists,
    [property: Id(7)] bool Active = true,
    [property: Id(8)] bool ShowInExtranet = false);

/// <summary>How field definitions and values are checked; values are kept as invariant text (number with a dot, date as yyyy-MM-dd, true/false).</summary>
public static class CustomFieldRules
{
    public const string ChoicesRequired = "custom_field.choices_required";
    public const string NotANumber = "custom_field.not_a_number";
    public const string NotADate = "custom_field.not_a_date";
    public const string NotAChoice = "custom_field.not_a_choice";
    public const string NotYesNo = "custom_field.not_yes_no";
    public const string UnknownField = "custom_field.unknown";

    /// <summary>
    /// Whether partner administrators see and fill the field. A required person field always: a partner
    /// administrator adds people to their organisation, and a field they could not fill would let every
    /// person they add skip it.
    /// </summary>
    public static bool InExtranet(CustomFieldDefinition field) =>
        field.Entity == CustomFieldEntity.Person && field.Active && (field.ShowInExtranet || field.Required);

    /// <summary>
    /// Checks the values of <paramref name="fields"/> together, as one form: each is normalised, a required one
    /// must have a value, and a value for a field not among them is refused. Errors are named by the field's id.
    /// </summary>
    public static (Dictionary<Guid, string> Stored, List<FieldError> Errors) CheckValues(
        IReadOnlyList<CustomFieldDefinition> fields, IReadOnlyDictionary<Guid, string?> values)
    {
        var errors = new List<FieldError>();
        foreach (var unknown in values.Keys.Where(k => fields.All(f => f.Id != k)))
        {
            errors.Add(new FieldError(unknown.ToString(), UnknownField));
        }

        var stored = new Dictionary<Guid, string>();
        foreach (var field in fields)
        {
            var (value, error) = Normalize(field, values.GetValueOrDefault(field.Id));
            if (error is not null)
            {
                errors.Add(new FieldError(field.Id.ToString(), error));
            }
            else if (value is not null)
            {
                stored[field.Id] = value;
            }
        }

        return (stored, errors);
    }

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

        return (definition with
        {
            Name = name,
            Choices = definition.Type == CustomFieldType.Choice ? choices : [],
            ShowInExtranet = definition.Entity == CustomFieldEntity.Person && definition.ShowInExtranet,
        }, errors);
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
