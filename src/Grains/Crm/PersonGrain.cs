using Certification.Common;
using Certification.Infrastructure;

namespace Certification.Crm;

[GrainType("person")]
public sealed class PersonGrain(
    [PersistentState("person", OrleansHostingExtensions.GrainStore)] IPersistentState<PersonState> state,
    CrmProjection projection,
    TimeProvider clock) : Grain, IPersonGrain
{
    public const string NotOfPartner = "person.not_of_partner";

    /// <summary>Who acts when a caller does not say: code that creates people by itself (imports, demo data).</summary>
    private const string SystemActor = "system";

    public Task<CommandResult> CreateAsync(PersonDetails details) => CreateAsync(details, null, SystemActor);

    public async Task<CommandResult> CreateAsync(PersonDetails details, Guid? partnerClientId, string actor)
    {
        if (state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.AlreadyExists);
        }

        // A partner administrator adds people to their own organisation only.
        if (partnerClientId is not null && details.ClientId != partnerClientId)
        {
            return CommandResult.Rejected("ClientId", NotOfPartner);
        }

        return await SaveAsync(details, clock.GetUtcNow(), actor);
    }

    public Task<CommandResult> UpdateAsync(int expectedVersion, PersonDetails details) => UpdateAsync(expectedVersion, details, null, SystemActor);

    public async Task<CommandResult> UpdateAsync(int expectedVersion, PersonDetails details, Guid? partnerClientId, string actor)
    {
        if (Refusal(expectedVersion, partnerClientId) is { } refusal)
        {
            return refusal;
        }

        if (partnerClientId is not null && details.ClientId != partnerClientId)
        {
            return CommandResult.Rejected("ClientId", NotOfPartner);
        }

        return await SaveAsync(details, state.State.CreatedAt, actor);
    }

    public async Task<CommandResult> ChangeJobAsync(
        int expectedVersion, Guid clientId, string? unit, string? position, DateOnly from, Guid? partnerClientId, string actor)
    {
        if (Refusal(expectedVersion, partnerClientId) is { } refusal)
        {
            return refusal;
        }

        // Within their organisation only. A move to another client is the office's to record: a partner who
        // could claim anyone's person by id could take people, and their data, from other organisations.
        if (partnerClientId is not null && clientId != partnerClientId)
        {
            return CommandResult.Rejected("ClientId", NotOfPartner);
        }

        var outcome = EmploymentRules.ChangeJob(state.State.Employments, clientId, unit, position, from, Today());
        var errors = outcome.Errors.ToList();
        if (await ClientNamesAsync([clientId]) is not { Count: > 0 })
        {
            errors.Add(new FieldError("ClientId", ErrorCodes.UnknownClient));
        }

        return errors.Count > 0 ? CommandResult.Rejected(errors) : await ApplyAsync(state.State.Details!, outcome, actor);
    }

    public async Task<CommandResult> LeaveAsync(int expectedVersion, DateOnly until, Guid? partnerClientId, string actor)
    {
        if (Refusal(expectedVersion, partnerClientId) is { } refusal)
        {
            return refusal;
        }

        var outcome = EmploymentRules.Leave(state.State.Employments, until, Today());
        return outcome.Errors.Count > 0 ? CommandResult.Rejected(outcome.Errors) : await ApplyAsync(state.State.Details!, outcome, actor);
    }

    public Task<PersonSnapshot?> GetAsync() =>
        Task.FromResult(state.RecordExists
            ? new PersonSnapshot(this.GetPrimaryKey(), state.State.Version, state.State.Details!, state.State.CreatedAt, state.State.UpdatedAt)
            {
                Employments = state.State.Employments,
            }
            : null);

    public Task RefreshProjectionAsync() =>
        state.RecordExists ? projection.UpsertPersonAsync(this.GetPrimaryKey(), state.State) : Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // People stored before employment history existed have a client but no record of it: their job is
        // taken to have started when they were entered. It is stored with their next change.
        if (state.RecordExists && state.State.Employments.Count == 0 && state.State.Details!.ClientId is { } clientId)
        {
            var details = state.State.Details;
            state.State = state.State with
            {
                Employments = [new Employment(1, clientId, details.Unit, details.Position, PolishDate.Of(state.State.CreatedAt), null)],
            };
        }

        return RefreshProjectionAsync();
    }

    private CommandResult? Refusal(int expectedVersion, Guid? partnerClientId)
    {
        if (!state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.NotFound);
        }

        // Someone who does not work at the partner's client now is not theirs to change.
        if (partnerClientId is not null && state.State.Details!.ClientId != partnerClientId)
        {
            return CommandResult.Rejected("Id", NotOfPartner);
        }

        return expectedVersion != state.State.Version ? CommandResult.Rejected("Version", ErrorCodes.VersionConflict) : null;
    }

    private async Task<CommandResult> SaveAsync(PersonDetails details, DateTimeOffset createdAt, string actor)
    {
        var (normalized, errors) = PersonRules.Check(details);
        if (normalized.ClientId is { } clientId && await ClientNamesAsync([clientId]) is not { Count: > 0 })
        {
            errors.Add(new FieldError("ClientId", ErrorCodes.UnknownClient));
        }

        var outcome = EmploymentRules.Correct(state.State.Employments, normalized.ClientId, normalized.Unit, normalized.Position, Today());
        errors.AddRange(outcome.Errors);
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        return await ApplyAsync(normalized, outcome, actor, createdAt);
    }

    /// <summary>Stores the details with the history, keeping the details' job the current record's.</summary>
    private async Task<CommandResult> ApplyAsync(PersonDetails details, EmploymentOutcome outcome, string actor, DateTimeOffset? createdAt = null)
    {
        var now = clock.GetUtcNow();
        var current = EmploymentRules.Current(outcome.Records);
        var names = await ClientNamesAsync(outcome.Steps.Select(s => s.ClientId));
        var seq = state.State.EmploymentEvents.Count;
        state.State = state.State with
        {
            Version = state.State.Version + 1,
            Details = details with { ClientId = current?.ClientId, Unit = current?.Unit, Position = current?.Position },
            CreatedAt = createdAt ?? state.State.CreatedAt,
            UpdatedAt = now,
            Employments = outcome.Records,
            EmploymentEvents =
            [
                .. state.State.EmploymentEvents,
                .. outcome.Steps.Select(s => new EmploymentEvent(
                    ++seq, now, s.Kind, s.ClientId, names.GetValueOrDefault(s.ClientId, string.Empty), s.Unit, s.Position, s.Date, actor)),
            ],
        };
        await state.WriteStateAsync();
        await projection.UpsertPersonAsync(this.GetPrimaryKey(), state.State);
        return CommandResult.Ok(state.State.Version);
    }

    /// <summary>The names of the clients that exist among <paramref name="ids"/>.</summary>
    private async Task<Dictionary<Guid, string>> ClientNamesAsync(IEnumerable<Guid> ids)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids.Distinct())
        {
            if (await GrainFactory.GetGrain<IClientGrain>(id).GetAsync() is { } client)
            {
                names[id] = client.Details.Name;
            }
        }

        return names;
    }

    private DateOnly Today() => PolishDate.Of(clock.GetUtcNow());
}

[GenerateSerializer, Alias("cert.crm.PersonState")]
public sealed record PersonState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public PersonDetails? Details { get; init; }
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Oldest first; records never overlap and only the last may be open (the current job).</summary>
    [Id(4)] public IReadOnlyList<Employment> Employments { get; init; } = [];

    /// <summary>Every change of the history as it was recorded, for the contact history.</summary>
    [Id(5)] public IReadOnlyList<EmploymentEvent> EmploymentEvents { get; init; } = [];
}
