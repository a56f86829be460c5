using Certification.Common;
using Certification.Infrastructure;

namespace Certification.Crm;

[GrainType("client")]
public sealed class ClientGrain(
    [PersistentState("client", OrleansHostingExtensions.GrainStore)] IPersistentState<ClientState> state,
    CrmProjection projection,
    TimeProvider clock) : Grain, IClientGrain
{
    /// <summary>The client is outside the caller's <see cref="ClientScope"/>.</summary>
    public const string OutOfScope = "client.out_of_scope";

    public async Task<CommandResult> CreateAsync(ClientDetails details)
    {
        if (state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.AlreadyExists);
        }

        return await SaveAsync(details, clock.GetUtcNow());
    }

    public async Task<CommandResult> UpdateAsync(int expectedVersion, ClientDetails details, ClientScope scope)
    {
        if (!state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.NotFound);
        }

        if (!scope.Includes(this.GetPrimaryKey()))
        {
            return CommandResult.Rejected("Id", OutOfScope);
        }

        if (expectedVersion != state.State.Version)
        {
            return CommandResult.Rejected("Version", ErrorCodes.VersionConflict);
        }

        return await SaveAsync(details, state.State.CreatedAt);
    }

    public async Task<CommandResult> AssignCaretakerAsync(Guid accountId, string accountName, string actor)
    {
        if (CaretakerRefusal(accountId) is { } refusal)
        {
            return refusal;
        }

        if (state.State.Caretakers.Any(c => c.AccountId == accountId))
        {
            return CommandResult.Rejected("AccountId", CaretakerCodes.AlreadyAssigned);
        }

        var now = clock.GetUtcNow();
        return await ChangeCaretakersAsync([.. state.State.Caretakers, new Caretaker(accountId, now)], true, accountId, accountName, actor, now);
    }

    public async Task<CommandResult> RemoveCaretakerAsync(Guid accountId, string accountName, string actor)
    {
        if (CaretakerRefusal(accountId) is { } refusal)
        {
            return refusal;
        }

        if (state.State.Caretakers.All(c => c.AccountId != accountId))
        {
            return CommandResult.Rejected("AccountId", CaretakerCodes.NotAssigned);
        }

        return await ChangeCaretakersAsync(
            [.. state.State.Caretakers.Where(c => c.AccountId != accountId)], false, accountId, accountName, actor, clock.GetUtcNow());
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

        return await WriteAsync(state.State with
        {
            Version = state.State.Version + 1,
            Details = normalized,
            CreatedAt = createdAt,
            UpdatedAt = clock.GetUtcNow(),
        });
    }

    private CommandResult? CaretakerRefusal(Guid accountId) =>
        !state.RecordExists ? CommandResult.Rejected("Id", ErrorCodes.NotFound)
        : accountId == Guid.Empty ? CommandResult.Rejected("AccountId", ErrorCodes.Required)
        : null;

    private Task<CommandResult> ChangeCaretakersAsync(
        IReadOnlyList<Caretaker> caretakers, bool assigned, Guid accountId, string accountName, string actor, DateTimeOffset now) =>
        WriteAsync(state.State with
        {
            Version = state.State.Version + 1,
            Caretakers = caretakers,
            CaretakerEvents =
            [
                .. state.State.CaretakerEvents,
                new CaretakerEvent(state.State.CaretakerEvents.Count + 1, now, assigned, accountId, accountName.Trim(), actor),
            ],
        });

    private async Task<CommandResult> WriteAsync(ClientState next)
    {
        state.State = next;
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

    /// <summary>The account managers who look after the client now, in the order they were given it.</summary>
    [Id(4)] public IReadOnlyList<Caretaker> Caretakers { get; init; } = [];

    /// <summary>Every change of the caretakers as it was recorded, for the contact history.</summary>
    [Id(5)] public IReadOnlyList<CaretakerEvent> CaretakerEvents { get; init; } = [];
}
