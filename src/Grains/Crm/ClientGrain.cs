using Certification.Common;
using Certification.Infrastructure;

namespace Certification.Crm;

[GrainType("client")]
public sealed class ClientGrain(
    [PersistentState("client", OrleansHostingExtensions.GrainStore)] IPersistentState<ClientState> state,
    CrmProjection projection,
    TimeProvider clock) : Grain, IClientGrain
{
    public async Task<CommandResult> CreateAsync(ClientDetails details)
    {
        if (state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.AlreadyExists);
        }

        return await SaveAsync(details, clock.GetUtcNow());
    }

    public async Task<CommandResult> UpdateAsync(int expectedVersion, ClientDetails details)
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

    public Task<ClientSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    public Task RefreshProjectionAsync() =>
        state.RecordExists ? projection.UpsertClientAsync(this.GetPrimaryKey(), state.State) : Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        // A crash between the state write and the projection write leaves the row one version behind;
        // the next activation repairs it (the upsert ignores rows that are already as new).
        RefreshProjectionAsync();

    private async Task<CommandResult> SaveAsync(ClientDetails details, DateTimeOffset createdAt)
    {
        var (normalized, errors) = ClientRules.Check(details);
        if (errors.Count == 0 && normalized.Nip is { } nip &&
            await projection.FindClientByNipAsync(nip) is { } holder && holder != this.GetPrimaryKey())
        {
            errors.Add(new FieldError("Nip", ErrorCodes.NipTaken));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        state.State = new ClientState
        {
            Version = state.State.Version + 1,
            Details = normalized,
            CreatedAt = createdAt,
            UpdatedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await projection.UpsertClientAsync(this.GetPrimaryKey(), state.State);
        return CommandResult.Ok(state.State.Version);
    }

    private ClientSnapshot? Snapshot() =>
        state.RecordExists
            ? new ClientSnapshot(this.GetPrimaryKey(), state.State.Version, state.State.Details!, state.State.CreatedAt, state.State.UpdatedAt)
            : null;
}

[GenerateSerializer, Alias("cert.crm.ClientState")]
public sealed record ClientState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public ClientDetails? Details { get; init; }
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }
}
