using Certification.Common;
using Certification.Crm;
using Certification.Infrastructure;

namespace Certification.Training;

[GrainType("trainingorder")]
public sealed class TrainingOrderGrain(
    [PersistentState("trainingorder", OrleansHostingExtensions.GrainStore)] IPersistentState<TrainingOrderState> state,
    TrainingProjection projection,
    TimeProvider clock) : Grain, ITrainingOrderGrain
{
    public const string NotOfPartner = "order.person_not_of_partner";

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => RefreshProjectionAsync();

    public async Task<CommandResult> CreateAsync(string typeId, OrderDetails details, string actor)
    {
        if (state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.AlreadyExists);
        }

        var setup = await GrainFactory.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
        if (setup.Types.FirstOrDefault(t => t.Id == typeId) is not { } type)
        {
            return CommandResult.Rejected("TypeId", OrderTypes.UnknownType);
        }

        var (normalized, errors) = OrderRules.Check(details, [.. setup.Locations.Where(l => l.Active).Select(l => l.Id)]);
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        var now = clock.GetUtcNow();
        var created = new TrainingOrderState { Type = type, Details = normalized, Phase = type.Initial().Id, CreatedAt = now };
        var first = new OrderEvent(1, now, actor, OrderEventKind.Created, null, null);
        return await SaveAsync(new TrainingOrderRules.Change(created with { Version = 1, UpdatedAt = now, Events = [first] }, [first]));
    }

    public async Task<CommandResult> UpdateAsync(int expectedVersion, OrderDetails details, string actor)
    {
        if (Refusal(expectedVersion) is { } refusal)
        {
            return refusal;
        }

        var setup = await GrainFactory.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
        // A location taken off the list stays valid for the orders already held there.
        var locations = setup.Locations.Where(l => l.Active || l.Id == state.State.Details!.LocationId).Select(l => l.Id).ToList();
        var (normalized, errors) = OrderRules.Check(details, locations);
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        return await ApplyAsync(TrainingOrderRules.Update(state.State, normalized, actor, clock.GetUtcNow()), "Capacity");
    }

    public async Task<CommandResult> MoveToAsync(string phase, string actor) =>
        Refusal() ?? await ApplyAsync(TrainingOrderRules.MoveTo(state.State, phase, actor, clock.GetUtcNow()), "Phase");

    public async Task<EnrolmentResult> EnrolAsync(Guid personId, EnrolmentSource source, Guid? partnerClientId, string actor)
    {
        if (Refusal() is { } refusal)
        {
            return new EnrolmentResult(refusal, null);
        }

        var person = (await GrainFactory.GetGrain<IPersonGrain>(personId).GetAsync())?.Details;
        if (person is null)
        {
            return new EnrolmentResult(CommandResult.Rejected("PersonId", ErrorCodes.NotFound), null);
        }

        if (source == EnrolmentSource.Partner && (partnerClientId is null || person.ClientId != partnerClientId))
        {
            return new EnrolmentResult(CommandResult.Rejected("PersonId", NotOfPartner), null);
        }

        var result = await ApplyAsync(
            TrainingOrderRules.Enrol(state.State, personId, person.ClientId, source, actor, clock.GetUtcNow()), "PersonId");
        return new EnrolmentResult(result, result.Succeeded ? state.State.EnrolmentOf(personId)!.Status : null);
    }

    public async Task<CommandResult> ResignAsync(Guid personId, EnrolmentSource by, Guid? partnerClientId, string actor)
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        // A partner administrator takes off only people they enrolled for their organisation.
        if (by == EnrolmentSource.Partner && (partnerClientId is null || state.State.EnrolmentOf(personId)?.ClientId != partnerClientId))
        {
            return CommandResult.Rejected("PersonId", NotOfPartner);
        }

        return await ApplyAsync(TrainingOrderRules.Resign(state.State, personId, by, actor, clock.GetUtcNow()), "PersonId");
    }

    public async Task<IReadOnlyList<Guid>> InviteAsync(IReadOnlyList<Guid> people, string actor)
    {
        if (Refusal() is not null)
        {
            return [];
        }

        var change = TrainingOrderRules.Invite(state.State, people, actor, clock.GetUtcNow());
        if (change.Events.Count > 0)
        {
            await SaveAsync(change);
        }

        return [.. change.Events.Select(e => e.PersonId!.Value)];
    }

    public async Task<CommandResult> RecordAttendanceAsync(DateOnly day, IReadOnlyList<Guid> present, string actor) =>
        Refusal() ?? await ApplyAsync(TrainingOrderRules.RecordAttendance(state.State, day, [.. present], actor, clock.GetUtcNow()), "Day");

    public async Task<CommandResult> IssueCertificatesAsync(string actor) =>
        Refusal() ?? await ApplyAsync(
            TrainingOrderRules.IssueCertificates(state.State, Id, NewCertificateCode, actor, clock.GetUtcNow()), "Certificates");

    public async Task<CommandResult> ReplacePersonAsync(Guid absorbed, Guid survivor, string actor)
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        // Nothing names the absorbed person any more (never did, or this was done before): a repeat changes nothing.
        return TrainingOrderRules.ReplacePerson(state.State, absorbed, survivor, actor, clock.GetUtcNow()) is { } change
            ? await SaveAsync(change)
            : CommandResult.Ok(state.State.Version);
    }

    public Task<OrderSnapshot?> GetAsync() => Task.FromResult(
        state.RecordExists
            ? new OrderSnapshot(
                Id, state.State.Version, state.State.Type!, state.State.Details!, state.State.CurrentPhase(),
                state.State.Enrolments, state.State.Invited, state.State.Events, state.State.Certificates)
            : null);

    // 128 random bits: the link to a certificate's page cannot be guessed from its printed number.
    private static string NewCertificateCode() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    // A crash between the state write and the read models leaves them behind; the next activation repairs them
    // (and queues the mail of events that had not been recorded yet).
    public async Task RefreshProjectionAsync()
    {
        if (state.RecordExists)
        {
            await projection.WriteAsync(Id, state.State, state.State.Events, await LocationAsync());
        }
    }

    private CommandResult? Refusal(int? expectedVersion = null) =>
        !state.RecordExists ? CommandResult.Rejected("Id", ErrorCodes.NotFound)
        : expectedVersion is { } version && version != state.State.Version ? CommandResult.Rejected("Version", ErrorCodes.VersionConflict)
        : null;

    private async Task<CommandResult> ApplyAsync((TrainingOrderRules.Change? Change, string? Error) outcome, string field) =>
        outcome.Change is { } change ? await SaveAsync(change) : CommandResult.Rejected(field, outcome.Error!);

    private async Task<CommandResult> SaveAsync(TrainingOrderRules.Change change)
    {
        state.State = change.State;
        await state.WriteStateAsync();
        await projection.WriteAsync(Id, state.State, change.Events, await LocationAsync());
        return CommandResult.Ok(state.State.Version);
    }

    private async Task<TrainingLocation?> LocationAsync() =>
        (await GrainFactory.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync()).Locations
        .FirstOrDefault(l => l.Id == state.State.Details!.LocationId);
}
