using Certification.Common;
using Certification.Infrastructure;

namespace Certification.Crm;

[GrainType("person")]
public sealed class PersonGrain(
    [PersistentState("person", OrleansHostingExtensions.GrainStore)] IPersistentState<PersonState> state,
    CrmProjection projection,
    TimeProvider clock) : Grain, IPersonGrain
{
    public async Task<CommandResult> CreateAsync(PersonDetails details)
    {
        if (state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.AlreadyExists);
        }

        return await SaveAsync(details, clock.GetUtcNow());
    }

    public async Task<CommandResult> UpdateAsync(int expectedVersion, PersonDetails details)
    {
        if (!state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.NotFound);
        }

        if (expectedVersion != state.State.Version)
        {
            return CommandResult.Rejected("Version", ErrorCodes.VersionConflict);
        }

        return await SaveAsync(details, state.State.CreatedAt);
    }

    public Task<PersonSnapshot?> GetAsync() =>
        Task.FromResult(state.RecordExists
            ? new PersonSnapshot(this.GetPrimaryKey(), state.State.Version, state.State.Details!, state.State.CreatedAt, state.State.UpdatedAt)
            : null);

    public Task RefreshProjectionAsync() =>
        state.RecordExists ? projection.UpsertPersonAsync(this.GetPrimaryKey(), state.State) : Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => RefreshProjectionAsync();

    private async Task<CommandResult> SaveAsync(PersonDetails details, DateTimeOffset createdAt)
    {
        var (normalized, errors) = PersonRules.Check(details);
        if (normalized.ClientId is { } clientId &&
            await GrainFactory.GetGrain<IClientGrain>(clientId).GetAsync() is null)
        {
            errors.Add(new FieldError("ClientId", ErrorCodes.UnknownClient));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        state.State = new PersonState
        {
            Version = state.State.Version + 1,
            Details = normalized,
            CreatedAt = createdAt,
            UpdatedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await projection.UpsertPersonAsync(this.GetPrimaryKey(), state.State);
        return CommandResult.Ok(state.State.Version);
    }
}

[GenerateSerializer, Alias("cert.crm.PersonState")]
public sealed record PersonState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public PersonDetails? Details { get; init; }
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }
}
