using Certification.Common;
using Certification.Crm;
using Certification.Crm.Import;
using Certification.Infrastructure;

namespace Certification.CustomFields;

[GrainType("customfieldsetup")]
public sealed class CustomFieldSetupGrain(
    [PersistentState("customfieldsetup", OrleansHostingExtensions.GrainStore)] IPersistentState<CustomFieldSetupState> state) : Grain, ICustomFieldSetupGrain
{
    public const string EntityFixed = "custom_field.entity_fixed";
    public const string NameTaken = "custom_field.name_taken";

    public Task<IReadOnlyList<CustomFieldDefinition>> GetAsync() => Task.FromResult(state.State.Fields);

    public async Task<CommandResult> SaveAsync(CustomFieldDefinition definition)
    {
        var (normalized, errors) = CustomFieldRules.Check(definition);
        var existing = state.State.Fields.FirstOrDefault(f => f.Id == normalized.Id);
        if (existing is not null && existing.Entity != normalized.Entity)
        {
            errors.Add(new FieldError("Entity", EntityFixed));
        }

        // An import file names a field by its column header: two fields of a record, or a field and a standard
        // column, with one name could not be told apart.
        var kind = normalized.Entity == CustomFieldEntity.Client ? ImportKind.Clients : ImportKind.People;
        if (normalized.Active && normalized.Name.Length > 0 &&
            (ImportColumns.IndexOf(kind, normalized.Name) >= 0 ||
             state.State.Fields.Any(f => f.Id != normalized.Id && f.Active && f.Entity == normalized.Entity &&
                                         string.Equals(f.Name, normalized.Name, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add(new FieldError("Name", NameTaken));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        state.State = state.State with
        {
            Version = state.State.Version + 1,
            Fields = existing is null ? [.. state.State.Fields, normalized] : [.. state.State.Fields.Select(f => f.Id == normalized.Id ? normalized : f)],
        };
        await state.WriteStateAsync();
        return CommandResult.Ok(state.State.Version);
    }
}

[GenerateSerializer, Alias("cert.customfields.CustomFieldSetupState")]
public sealed record CustomFieldSetupState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public IReadOnlyList<CustomFieldDefinition> Fields { get; init; } = [];
}

[GrainType("customvalues")]
public sealed class CustomValuesGrain(
    [PersistentState("customvalues", OrleansHostingExtensions.GrainStore)] IPersistentState<CustomValuesState> state,
    CustomFieldProjection projection) : Grain, ICustomValuesGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.RecordExists ? projection.WriteAsync(this.GetPrimaryKey(), state.State) : Task.CompletedTask;

    /// <summary>The client or person is outside the caller's <see cref="ClientScope"/>.</summary>
    public const string OutOfScope = "custom_field.out_of_scope";

    public async Task<CommandResult> SetAsync(CustomFieldEntity entity, IReadOnlyDictionary<Guid, string?> values, ClientScope scope)
    {
        // A partner administrator fills only their current people's fields, and only those shown in the extranet.
        if (!await ReachesAsync(entity, scope) || (scope.Extranet && entity != CustomFieldEntity.Person))
        {
            return CommandResult.Rejected("Id", OutOfScope);
        }

        var fields = (await GrainFactory.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).GetAsync())
            .Where(f => f.Entity == entity && f.Active && (!scope.Extranet || CustomFieldRules.InExtranet(f))).ToList();

        var (stored, errors) = CustomFieldRules.CheckValues(fields, values);
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        // Values of fields not set here are kept: those since withdrawn (the record of what was known stays
        // true) and, for a partner administrator, those only the office sees.
        foreach (var (field, value) in state.State.Values.Where(v => fields.All(f => f.Id != v.Key)))
        {
            stored[field] = value;
        }

        state.State = new CustomValuesState { Version = state.State.Version + 1, Entity = entity, Values = stored };
        await state.WriteStateAsync();
        await projection.WriteAsync(this.GetPrimaryKey(), state.State);
        return CommandResult.Ok(state.State.Version);
    }

    public Task<IReadOnlyDictionary<Guid, string>> GetAsync() => Task.FromResult<IReadOnlyDictionary<Guid, string>>(state.State.Values);

    public async Task<CommandResult> MergeFromAsync(CustomFieldEntity entity, Guid other, IReadOnlyList<Guid> preferTheirs)
    {
        var merged = new Dictionary<Guid, string>(state.State.Values);
        foreach (var (field, value) in await GrainFactory.GetGrain<ICustomValuesGrain>(other).GetAsync())
        {
            if (preferTheirs.Contains(field) || !merged.ContainsKey(field))
            {
                merged[field] = value;
            }
        }

        if (merged.Count == state.State.Values.Count && merged.All(v => state.State.Values.GetValueOrDefault(v.Key) == v.Value))
        {
            return CommandResult.Ok(state.State.Version);
        }

        state.State = new CustomValuesState { Version = state.State.Version + 1, Entity = entity, Values = merged };
        await state.WriteStateAsync();
        await projection.WriteAsync(this.GetPrimaryKey(), state.State);
        return CommandResult.Ok(state.State.Version);
    }

    /// <summary>A client is reached by its id; a person while they work at a client the scope reaches.</summary>
    private async Task<bool> ReachesAsync(CustomFieldEntity entity, ClientScope scope) =>
        scope.IsAll || entity switch
        {
            CustomFieldEntity.Client => scope.Includes(this.GetPrimaryKey()),
            CustomFieldEntity.Person => await GrainFactory.GetGrain<IPersonGrain>(this.GetPrimaryKey()).GetAsync() is { } person && scope.Includes(person.Details.ClientId),
            _ => false,
        };
}

[GenerateSerializer, Alias("cert.customfields.CustomValuesState")]
public sealed record CustomValuesState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public CustomFieldEntity Entity { get; init; }
    [Id(2)] public IReadOnlyDictionary<Guid, string> Values { get; init; } = new Dictionary<Guid, string>();
}
