using Certification.Common;
using Certification.Infrastructure;

namespace Certification.CustomFields;

[GrainType("customfieldsetup")]
public sealed class CustomFieldSetupGrain(
    [PersistentState("customfieldsetup", OrleansHostingExtensions.GrainStore)] IPersistentState<CustomFieldSetupState> state) : Grain, ICustomFieldSetupGrain
{
    public const string EntityFixed = "custom_field.entity_fixed";

    public Task<IReadOnlyList<CustomFieldDefinition>> GetAsync() => Task.FromResult(state.State.Fields);

    public async Task<CommandResult> SaveAsync(CustomFieldDefinition definition)
    {
        var (normalized, errors) = CustomFieldRules.Check(definition);
        var existing = state.State.Fields.FirstOrDefault(f => f.Id == normalized.Id);
        if (existing is not null && existing.Entity != normalized.Entity)
        {
            errors.Add(new FieldError("Entity", EntityFixed));
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

    public async Task<CommandResult> SetAsync(CustomFieldEntity entity, IReadOnlyDictionary<Guid, string?> values)
    {
        var fields = (await GrainFactory.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).GetAsync())
            .Where(f => f.Entity == entity && f.Active).ToList();
        var errors = new List<FieldError>();
        foreach (var unknown in values.Keys.Where(k => fields.All(f => f.Id != k)))
        {
            errors.Add(new FieldError(unknown.ToString(), CustomFieldRules.UnknownField));
        }

        var stored = new Dictionary<Guid, string>();
        foreach (var field in fields)
        {
            var (value, error) = CustomFieldRules.Normalize(field, values.GetValueOrDefault(field.Id));
            if (error is not null)
            {
                errors.Add(new FieldError(field.Id.ToString(), error));
            }
            else if (value is not null)
            {
                stored[field.Id] = value;
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        // Values of fields since withdrawn are kept: the record of what was known stays true.
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
}

[GenerateSerializer, Alias("cert.customfields.CustomValuesState")]
public sealed record CustomValuesState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public CustomFieldEntity Entity { get; init; }
    [Id(2)] public IReadOnlyDictionary<Guid, string> Values { get; init; } = new Dictionary<Guid, string>();
}
