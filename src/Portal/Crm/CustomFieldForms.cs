using Certification.Common;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Crm;

/// <summary>What a form's custom-field inputs show: the fields, their values (as stored or as typed) and the posted dictionary's name.</summary>
/// <param name="Existing">The record exists: required fields it has no value for are pointed out (it was entered before they became required).</param>
public sealed record CustomFieldInputs(
    IReadOnlyList<CustomFieldDefinition> Fields, IReadOnlyDictionary<Guid, string?> Values, bool Existing, string Prefix = CustomFieldForms.Prefix);

/// <summary>
/// The custom fields on the client and person forms: which fields a form shows, their check before the record is
/// saved, and the write of their values after it.
/// </summary>
/// <remarks>
/// A record and its custom values are two grains, so a form makes two writes. The values are checked first, with the
/// same rule the values grain applies (<see cref="CustomFieldRules.CheckValues"/>): a missing required value or a
/// wrong one stops the form before anything is written. Then the record is saved (its grain has rules of its own, such
/// as a NIP already taken, that only it can check), and only then the values: written first, they would be left
/// behind for a record that was then refused. The second write can still fail (a field changed in between, the
/// database went away). The record is then saved and acknowledged, and the page says so and keeps everything typed in
/// the form, which from then on edits the saved record, so saving it again completes it. Nothing the user was told
/// is saved is lost, and a record left without its values is reported on the spot, never silently.
/// </remarks>
public sealed class CustomFieldForms(
    CustomFieldQueries queries, IGrainFactory grains, ErrorText errors, IStringLocalizer<SharedResource> text, ILogger<CustomFieldForms> logger)
{
    /// <summary>The name of the posted values: inputs are named <c>Custom[field id]</c>.</summary>
    public const string Prefix = "Custom";

    /// <summary>The fields a form shows: all in use for the office, those shown in the extranet for a partner administrator.</summary>
    public async Task<IReadOnlyList<CustomFieldDefinition>> FieldsAsync(CustomFieldEntity entity, bool extranet = false)
    {
        var fields = await queries.FieldsOfAsync(entity);
        return extranet ? [.. fields.Where(CustomFieldRules.InExtranet)] : fields;
    }

    /// <summary>The stored values of <paramref name="fields"/>, as a form shows them.</summary>
    public async Task<Dictionary<Guid, string?>> ValuesAsync(Guid id, IReadOnlyList<CustomFieldDefinition> fields) =>
        (await grains.GetGrain<ICustomValuesGrain>(id).GetAsync())
            .Where(v => fields.Any(f => f.Id == v.Key))
            .ToDictionary(v => v.Key, v => (string?)v.Value);

    /// <summary>Checks the values as posted (of the form's fields only), with an error next to each wrong one; true when all pass.</summary>
    public bool Check(IReadOnlyList<CustomFieldDefinition> fields, IReadOnlyDictionary<Guid, string?> values, ModelStateDictionary modelState)
    {
        var (_, found) = CustomFieldRules.CheckValues(fields, Of(fields, values));
        AddErrors(found, modelState, string.Empty);
        return found.Count == 0;
    }

    /// <summary>
    /// Writes the values of a record that has just been saved; when that fails, says so in the form's summary
    /// (<paramref name="summaryKey"/>) and next to the fields concerned (see the remarks on the class) and answers false.
    /// </summary>
    public async Task<bool> SaveAsync(
        CustomFieldEntity entity, Guid id, IReadOnlyList<CustomFieldDefinition> fields, IReadOnlyDictionary<Guid, string?> values,
        ClientScope scope, ModelStateDictionary modelState, string summaryKey)
    {
        // A form without custom fields has nothing to write; values of fields it does not show stay as they are.
        if (fields.Count == 0)
        {
            return true;
        }

        IReadOnlyList<FieldError> problems;
        try
        {
            var result = await grains.GetGrain<ICustomValuesGrain>(id).SetAsync(entity, Of(fields, values), scope);
            if (result.Succeeded)
            {
                return true;
            }

            problems = result.Errors;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "The custom values of {Entity} {Id} were not saved after the record was", entity, id);
            problems = [];
        }

        modelState.AddModelError(summaryKey, text["Dane zapisano, ale pól dodatkowych nie udało się zapisać. Sprawdź je i zapisz formularz jeszcze raz."]);
        AddErrors(problems, modelState, summaryKey);
        return false;
    }

    private static Dictionary<Guid, string?> Of(IReadOnlyList<CustomFieldDefinition> fields, IReadOnlyDictionary<Guid, string?> values) =>
        fields.ToDictionary(f => f.Id, f => values.GetValueOrDefault(f.Id));

    private void AddErrors(IEnumerable<FieldError> found, ModelStateDictionary modelState, string summaryKey)
    {
        foreach (var error in found)
        {
            modelState.AddModelError(Guid.TryParse(error.Field, out _) ? $"{Prefix}[{error.Field}]" : summaryKey, errors.For(error.Code));
        }
    }
}
