using Certification.Common;
using Certification.Consents;
using Certification.CustomFields;
using Certification.Infrastructure;
using Certification.Training;
using Microsoft.Extensions.Logging;

namespace Certification.Crm;

[GrainType("person")]
public sealed class PersonGrain(
    [PersistentState("person", OrleansHostingExtensions.GrainStore)] IPersistentState<PersonState> state,
    CrmProjection projection,
    PersonMergeDirectory directory,
    TimeProvider clock,
    ILogger<PersonGrain> logger) : Grain, IPersonGrain, IRemindable
{
    /// <summary>The person, or the client they would be put at, is outside the caller's <see cref="ClientScope"/>.</summary>
    public const string OutOfScope = "person.out_of_scope";

    /// <summary>Wakes a survivor whose merge was interrupted (a silo died) until the merge is finished.</summary>
    private const string MergeReminder = "merge";

    /// <summary>Who acts when a caller does not say: code that creates people by itself (imports, demo data).</summary>
    private const string SystemActor = "system";

    public Task<CommandResult> CreateAsync(PersonDetails details) => CreateAsync(details, ClientScope.All, SystemActor);

    public async Task<CommandResult> CreateAsync(PersonDetails details, ClientScope scope, string actor)
    {
        if (state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.AlreadyExists);
        }

        // A partner administrator or an account manager adds people to their own clients only.
        if (!scope.Includes(details.ClientId))
        {
            return CommandResult.Rejected("ClientId", OutOfScope);
        }

        return await SaveAsync(details, clock.GetUtcNow(), actor);
    }

    public async Task<CommandResult> UpdateAsync(int expectedVersion, PersonDetails details, ClientScope scope, string actor)
    {
        if (Refusal(expectedVersion, scope) is { } refusal)
        {
            return refusal;
        }

        if (!scope.Includes(details.ClientId))
        {
            return CommandResult.Rejected("ClientId", OutOfScope);
        }

        return await SaveAsync(details, state.State.CreatedAt, actor);
    }

    public async Task<CommandResult> ChangeJobAsync(
        int expectedVersion, Guid clientId, string? unit, string? position, DateOnly from, ClientScope scope, string actor)
    {
        if (Refusal(expectedVersion, scope) is { } refusal)
        {
            return refusal;
        }

        // Within their clients only. A move to another client is the office's to record: a partner who
        // could claim anyone's person by id could take people, and their data, from other organisations.
        if (!scope.Includes(clientId))
        {
            return CommandResult.Rejected("ClientId", OutOfScope);
        }

        var outcome = EmploymentRules.ChangeJob(state.State.Employments, clientId, unit, position, from, Today());
        var errors = outcome.Errors.ToList();
        if (await ClientNamesAsync([clientId]) is not { Count: > 0 })
        {
            errors.Add(new FieldError("ClientId", ErrorCodes.UnknownClient));
        }

        return errors.Count > 0 ? CommandResult.Rejected(errors) : await ApplyAsync(state.State.Details!, outcome, actor);
    }

    public async Task<CommandResult> LeaveAsync(int expectedVersion, DateOnly until, ClientScope scope, string actor)
    {
        if (Refusal(expectedVersion, scope) is { } refusal)
        {
            return refusal;
        }

        var outcome = EmploymentRules.Leave(state.State.Employments, until, Today());
        return outcome.Errors.Count > 0 ? CommandResult.Rejected(outcome.Errors) : await ApplyAsync(state.State.Details!, outcome, actor);
    }

    // A merged record is no longer a person of the CRM: whoever asks for it by id gets nothing, as for an unknown id.
    public Task<PersonSnapshot?> GetAsync() =>
        Task.FromResult(state.RecordExists && state.State.MergedInto is null
            ? new PersonSnapshot(this.GetPrimaryKey(), state.State.Version, state.State.Details!, state.State.CreatedAt, state.State.UpdatedAt)
            {
                Employments = state.State.Employments,
                MergedEmployments = state.State.MergedEmployments,
                Merges = state.State.Merges,
                PendingMerge = state.State.PendingMerge,
            }
            : null);

    public Task<PersonTombstone?> GetTombstoneAsync() => Task.FromResult(state.RecordExists ? state.State.MergedInto : null);

    public async Task<CommandResult> MergeAsync(int expectedVersion, PersonMergeRequest request, string actor)
    {
        if (!state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.NotFound);
        }

        if (state.State.MergedInto is not null)
        {
            return CommandResult.Rejected("Id", PersonMergeRules.Merged);
        }

        // The same merge again (a retried post, a page reloaded after a crash) finishes it or confirms it is done.
        if (state.State.PendingMerge is { } pending)
        {
            return pending.Request.MergeId == request.MergeId
                ? await ContinueMergeAsync()
                : CommandResult.Rejected("Id", PersonMergeRules.InProgress);
        }

        if (state.State.Merges.Any(m => m.MergeId == request.MergeId))
        {
            return CommandResult.Ok(state.State.Version);
        }

        if (request.AbsorbedId == this.GetPrimaryKey())
        {
            return CommandResult.Rejected("OtherId", PersonMergeRules.SamePerson);
        }

        if (expectedVersion != state.State.Version)
        {
            return CommandResult.Rejected("Version", ErrorCodes.VersionConflict);
        }

        var absorbed = GrainFactory.GetGrain<IPersonGrain>(request.AbsorbedId);
        if (await absorbed.GetAsync() is not { } other)
        {
            return CommandResult.Rejected("OtherId", await absorbed.GetTombstoneAsync() is null ? ErrorCodes.NotFound : PersonMergeRules.AlreadyMerged);
        }

        if (other.PendingMerge is not null)
        {
            return CommandResult.Rejected("OtherId", PersonMergeRules.OtherBusy);
        }

        if (other.Version != request.AbsorbedVersion)
        {
            return CommandResult.Rejected("Version", ErrorCodes.VersionConflict);
        }

        // An exam attempt, its roster and its access codes are the record an appeal is judged on: they stay under the
        // person who sat the exam, so that record must be the one that survives.
        if (await directory.HasExamRecordsAsync(request.AbsorbedId))
        {
            return CommandResult.Rejected("OtherId", PersonMergeRules.ExamRecords);
        }

        var source = new MergeSource(other.Id, other.Details, other.Employments, other.MergedEmployments);
        var plan = PersonMergeRules.Plan(state.State.Details!, state.State.Employments, state.State.MergedEmployments, source, [.. request.FromAbsorbed], Today());
        if (plan.Errors.Count > 0)
        {
            return CommandResult.Rejected(plan.Errors);
        }

        // The plan is stored before anything else moves, so a merge cut short is finished from it, never started twice.
        state.State = state.State with
        {
            Version = state.State.Version + 1,
            PendingMerge = new PendingMerge(request, actor, clock.GetUtcNow()),
        };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(MergeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return await ContinueMergeAsync();
    }

    public async Task<MergeSourceResult> MergeIntoAsync(Guid survivorId, Guid mergeId, int expectedVersion, string actor)
    {
        if (!state.RecordExists)
        {
            return new MergeSourceResult(CommandResult.Rejected("OtherId", ErrorCodes.NotFound), null);
        }

        if (state.State.MergedInto is { } tombstone)
        {
            return tombstone.MergeId == mergeId && tombstone.SurvivorId == survivorId
                ? new MergeSourceResult(CommandResult.Ok(state.State.Version), Source())
                : new MergeSourceResult(CommandResult.Rejected("OtherId", PersonMergeRules.AlreadyMerged), null);
        }

        var refusal = survivorId == this.GetPrimaryKey() ? PersonMergeRules.SamePerson
            : state.State.PendingMerge is not null ? PersonMergeRules.OtherBusy
            : expectedVersion != state.State.Version ? ErrorCodes.VersionConflict
            : null;
        if (refusal is not null)
        {
            return new MergeSourceResult(CommandResult.Rejected("OtherId", refusal), null);
        }

        state.State = state.State with
        {
            Version = state.State.Version + 1,
            UpdatedAt = clock.GetUtcNow(),
            MergedInto = new PersonTombstone(survivorId, mergeId, clock.GetUtcNow(), actor),
        };
        await state.WriteStateAsync();
        await projection.UpsertPersonAsync(this.GetPrimaryKey(), state.State);
        return new MergeSourceResult(CommandResult.Ok(state.State.Version), Source());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.PendingMerge is not null)
        {
            await ContinueMergeAsync();
        }
        else if (await this.GetReminder(reminderName) is { } done)
        {
            await this.UnregisterReminder(done);
        }
    }

    public Task RefreshProjectionAsync() =>
        state.RecordExists ? projection.UpsertPersonAsync(this.GetPrimaryKey(), state.State) : Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.PendingMerge is not null)
        {
            // Activated with a merge cut short: finish it now rather than at the reminder's next tick.
            await this.RegisterOrUpdateReminder(MergeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
            this.RegisterGrainTimer(_ => ContinueMergeAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

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

        await RefreshProjectionAsync();
    }

    /// <summary>
    /// The steps of the pending merge, in an order that makes each repeatable: the absorbed record first becomes a
    /// tombstone (nothing new can be attached to it after that), then its consents, custom values, training orders
    /// and accounts move, and last the survivor stores the result and forgets the plan. Every step finds what is
    /// already done and does not do it again, so a merge interrupted anywhere is finished by running them all again.
    /// </summary>
    private async Task<CommandResult> ContinueMergeAsync()
    {
        if (state.State.PendingMerge is not { } pending)
        {
            return CommandResult.Ok(state.State.Version);
        }

        var survivor = this.GetPrimaryKey();
        var request = pending.Request;
        var absorbed = await GrainFactory.GetGrain<IPersonGrain>(request.AbsorbedId)
            .MergeIntoAsync(survivor, request.MergeId, request.AbsorbedVersion, pending.Actor);
        if (absorbed.Source is not { } source)
        {
            // The other record changed or went elsewhere before it was touched: nothing has moved, so the plan is dropped.
            state.State = state.State with { PendingMerge = null };
            await state.WriteStateAsync();
            await ForgetReminderAsync();
            return absorbed.Result;
        }

        var consents = await GrainFactory.GetGrain<IPersonConsentsGrain>(request.AbsorbedId).MergeIntoAsync(survivor);
        await GrainFactory.GetGrain<IPersonConsentsGrain>(survivor).AbsorbAsync(consents);
        await GrainFactory.GetGrain<ICustomValuesGrain>(survivor).MergeFromAsync(CustomFieldEntity.Person, request.AbsorbedId, request.CustomFieldsFromAbsorbed);
        foreach (var order in await directory.OrdersOfAsync(request.AbsorbedId))
        {
            await GrainFactory.GetGrain<ITrainingOrderGrain>(order).ReplacePersonAsync(request.AbsorbedId, survivor, pending.Actor);
        }

        await directory.MoveAccountsAsync(request.AbsorbedId, survivor);

        var plan = PersonMergeRules.Plan(state.State.Details!, state.State.Employments, state.State.MergedEmployments, source, [.. request.FromAbsorbed], Today());
        var taken = request.FromAbsorbed;
        if (plan.Errors.Count > 0)
        {
            // Checked when the merge began and nothing could change since; should a rule still refuse, the survivor keeps
            // its own values rather than leave the merge unfinished.
            logger.LogWarning("Merge {Merge} into {Person}: the chosen values no longer apply ({Errors}); the survivor's own are kept", request.MergeId, survivor, plan.Errors);
            plan = PersonMergeRules.Plan(state.State.Details!, state.State.Employments, state.State.MergedEmployments, source, [], Today());
            taken = [];
        }

        var fields = (await GrainFactory.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).GetAsync())
            .Where(f => request.CustomFieldsFromAbsorbed.Contains(f.Id)).Select(f => f.Name).ToList();
        var record = new PersonMergeRecord(
            request.MergeId, request.AbsorbedId, $"{source.Details.FirstName} {source.Details.LastName}", clock.GetUtcNow(), pending.Actor, taken, fields);
        state.State = state.State with
        {
            PendingMerge = null,
            MergedEmployments = plan.MergedEmployments,
            Merges = [.. state.State.Merges, record],
        };
        var result = await ApplyAsync(plan.Details, plan.Employment, pending.Actor);
        await ForgetReminderAsync();
        logger.LogInformation("Person {Absorbed} merged into {Person} by {Actor}", request.AbsorbedId, survivor, pending.Actor);
        return result;
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(MergeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private MergeSource Source() =>
        new(this.GetPrimaryKey(), state.State.Details!, state.State.Employments, state.State.MergedEmployments);

    private CommandResult? Refusal(int expectedVersion, ClientScope scope)
    {
        if (!state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.NotFound);
        }

        if (state.State.MergedInto is not null)
        {
            return CommandResult.Rejected("Id", PersonMergeRules.Merged);
        }

        if (state.State.PendingMerge is not null)
        {
            return CommandResult.Rejected("Id", PersonMergeRules.InProgress);
        }

        // Someone who does not work at one of the caller's clients now is not theirs to change.
        if (!scope.Includes(state.State.Details!.ClientId))
        {
            return CommandResult.Rejected("Id", OutOfScope);
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

    /// <summary>Employment records of records merged into this one, each marked with its origin; they may overlap the own ones.</summary>
    [Id(6)] public IReadOnlyList<Employment> MergedEmployments { get; init; } = [];

    /// <summary>The merges this person survived, oldest first.</summary>
    [Id(7)] public IReadOnlyList<PersonMergeRecord> Merges { get; init; } = [];

    /// <summary>A merge begun and not yet finished; the person refuses other commands until it is.</summary>
    [Id(8)] public PendingMerge? PendingMerge { get; init; }

    /// <summary>Set when this record was merged into another: it refuses every command and only points there.</summary>
    [Id(9)] public PersonTombstone? MergedInto { get; init; }
}
