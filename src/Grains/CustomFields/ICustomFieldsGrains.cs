using Certification.Common;
using Certification.Crm;

namespace Certification.CustomFields;

/// <summary>The definitions of custom fields for clients and people (one grain, key <see cref="Key"/>).</summary>
[Alias("cert.customfields.ICustomFieldSetupGrain")]
public interface ICustomFieldSetupGrain : IGrainWithStringKey
{
    public const string Key = "default";

    [Alias("Get")]
    Task<IReadOnlyList<CustomFieldDefinition>> GetAsync();

    /// <summary>Adds a field or replaces the one with the same id; a field's kind of record cannot change.</summary>
    [Alias("Save")]
    Task<CommandResult> SaveAsync(CustomFieldDefinition definition);
}

/// <summary>The custom-field values of one client or person (key: its id), checked against the definitions.</summary>
[Alias("cert.customfields.ICustomValuesGrain")]
public interface ICustomValuesGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Sets the values of the entity's active fields (by field id); all are checked, and nothing changes unless all pass.
    /// A caller whose <paramref name="scope"/> is limited reaches only its clients and their current people; a partner
    /// administrator (<see cref="ClientScope.Extranet"/>) only people, and only the fields shown in the extranet (the
    /// others keep their values).
    /// </summary>
    [Alias("SetWithin")]
    Task<CommandResult> SetAsync(CustomFieldEntity entity, IReadOnlyDictionary<Guid, string?> values, ClientScope scope);

    [Alias("Get")]
    Task<IReadOnlyDictionary<Guid, string>> GetAsync();

    /// <summary>
    /// Takes the values of a record merged into this one: those of <paramref name="preferTheirs"/>, and any field this
    /// record has no value for; this record's other values stay. Values were checked where they were set, so they are
    /// not checked again (a field made required since must not stop a merge). Repeating it changes nothing more.
    /// </summary>
    [Alias("MergeFrom")]
    Task<CommandResult> MergeFromAsync(CustomFieldEntity entity, Guid other, IReadOnlyList<Guid> preferTheirs);
}
