using Certification.Common;
using Certification.Crm;
using Certification.Infrastructure;
using Certification.Qualifications;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Certification.Exams;

[GrainType("examsession")]
public sealed class ExamSessionGrain(
    [PersistentState("examsession", OrleansHostingExtensions.GrainStore)] IPersistentState<ExamSessionState> state,
    ExamProjection projection,
    TimeProvider clock,
    ILogger<ExamSessionGrain> logger) : Grain, IExamSessionGrain, IRemindable
{
    private const string DeadlinesReminder = "deadlines";

    public const string UnknownQualification = "session.qualification_unknown";
    public const string OperatorRequired = "session.operator_required";
    public const string NotScheduled = "session.not_scheduled";
    public const string NotOpen = "session.not_open";
    public const string Closed = "session.closed";
    public const string NotClosed = "session.not_closed";
    public const string RosterEmpty = "session.roster_empty";
    public const string UnknownPerson = "session.unknown_person";
    public const string BankTooSmall = "session.bank_too_small";

    private readonly ObserverManager<IExamSessionObserver> _observers = new(TimeSpan.FromMinutes(1), logger);
    private readonly Dictionary<Guid, AttemptBoardRow> _board = [];
    private bool _boardChanged;

    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Operators see changes within a second; reports in between are coalesced into one push.
        this.RegisterGrainTimer(PushBoardAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        return state.RecordExists ? projection.UpsertSessionAsync(Id, state.State) : Task.CompletedTask;
    }

    public async Task<CommandResult> ScheduleAsync(SessionDetails details)
    {
        if (state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.AlreadyExists);
        }

        return await SaveDetailsAsync(details);
    }

    public async Task<CommandResult> UpdateAsync(int expectedVersion, SessionDetails details)
    {
        var refusal = !state.RecordExists ? ErrorCodes.NotFound
            : expectedVersion != state.State.Version ? ErrorCodes.VersionConflict
            : state.State.Status != SessionStatus.Scheduled ? NotScheduled
            : null;
        return refusal is null ? await SaveDetailsAsync(details) : CommandResult.Rejected(refusal == NotScheduled ? "Status" : "Version", refusal);
    }

    public async Task<CommandResult> SetRosterAsync(int expectedVersion, IReadOnlyList<Guid> people)
    {
        if (!state.RecordExists || expectedVersion != state.State.Version)
        {
            return CommandResult.Rejected("Version", state.RecordExists ? ErrorCodes.VersionConflict : ErrorCodes.NotFound);
        }

        if (state.State.Status == SessionStatus.Closed)
        {
            return CommandResult.Rejected("Status", Closed);
        }

        var roster = people.Distinct().ToList();
        foreach (var person in roster)
        {
            if (await GrainFactory.GetGrain<IPersonGrain>(person).GetAsync() is null)
            {
                return CommandResult.Rejected("Roster", UnknownPerson);
            }
        }

        await WriteAsync(state.State with { Roster = roster });
        if (state.State.Status == SessionStatus.Open)
        {
            await PrepareAttemptsAsync();
        }

        return CommandResult.Ok(state.State.Version);
    }

    public async Task<CommandResult> OpenAsync(string actor)
    {
        if (!state.RecordExists)
        {
            return CommandResult.Rejected("Id", ErrorCodes.NotFound);
        }

        if (state.State.Status != SessionStatus.Scheduled)
        {
            return CommandResult.Rejected("Status", state.State.Status == SessionStatus.Open ? ErrorCodes.AlreadyExists : Closed);
        }

        if (state.State.Roster.Count == 0)
        {
            return CommandResult.Rejected("Roster", RosterEmpty);
        }

        try
        {
            await PrepareAttemptsAsync();
        }
        catch (BlueprintNotSatisfiableException error)
        {
            logger.LogWarning("Session {Session} cannot open: {Reason}", Id, error.Message);
            return CommandResult.Rejected("Qualification", BankTooSmall);
        }

        await WriteAsync(state.State with { Status = SessionStatus.Open, OpenedBy = actor, OpenedAt = clock.GetUtcNow() });

        // One durable reminder for the whole sitting (not one per candidate): if a silo dies, it re-activates
        // this grain elsewhere, which asks every attempt to check its deadline.
        await this.RegisterOrUpdateReminder(DeadlinesReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        logger.LogInformation("Session {Session} opened by {Actor} for {Candidates} candidates", Id, actor, state.State.Roster.Count);
        return CommandResult.Ok(state.State.Version);
    }

    public async Task<CommandResult> CloseAsync(string actor)
    {
        if (!state.RecordExists || state.State.Status != SessionStatus.Open)
        {
            return CommandResult.Rejected("Status", NotOpen);
        }

        await WriteAsync(state.State with { Status = SessionStatus.Closed, ClosedBy = actor, ClosedAt = clock.GetUtcNow() });

        if (await this.GetReminder(DeadlinesReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        // Nobody writes after the sitting ends: what each candidate has stored by now is their test.
        foreach (var person in state.State.Roster)
        {
            await GrainFactory.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(Id, person)).SessionClosedAsync(actor);
        }

        return CommandResult.Ok(state.State.Version);
    }

    public async Task<CommandResult> ReleaseResultsAsync(string actor)
    {
        if (!state.RecordExists || state.State.Status != SessionStatus.Closed)
        {
            return CommandResult.Rejected("Status", NotClosed);
        }

        if (state.State.ResultsReleasedAt is null)
        {
            await WriteAsync(state.State with { ResultsReleasedBy = actor, ResultsReleasedAt = clock.GetUtcNow() });
        }

        // Asked again each time: an attempt missed by an earlier release (a silo lost midway) gets it now.
        foreach (var person in state.State.Roster)
        {
            await GrainFactory.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(Id, person)).ReleaseResultAsync(actor);
        }

        return CommandResult.Ok(state.State.Version);
    }

    public Task<SessionSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Status == SessionStatus.Open)
        {
            await CheckDeadlinesAsync();
        }
        else if (await this.GetReminder(reminderName) is { } stale)
        {
            await this.UnregisterReminder(stale);
        }
    }

    public async Task CheckDeadlinesAsync()
    {
        // Asking for the board row makes each attempt enforce its deadline.
        foreach (var person in state.State.Roster)
        {
            if (await GrainFactory.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(Id, person)).GetBoardRowAsync() is { } row)
            {
                _board[person] = row;
            }
        }
    }

    public Task ReportAsync(AttemptBoardRow row)
    {
        _board[row.PersonId] = row;
        _boardChanged = true;
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<AttemptBoardRow>> GetBoardAsync()
    {
        if (!state.RecordExists)
        {
            return [];
        }

        // Rows not reported since this activation began are asked for once.
        foreach (var person in state.State.Roster.Where(p => !_board.ContainsKey(p)))
        {
            if (await GrainFactory.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(Id, person)).GetBoardRowAsync() is { } row)
            {
                _board[person] = row;
            }
        }

        return [.. state.State.Roster.Where(_board.ContainsKey).Select(p => _board[p])];
    }

    public Task SubscribeAsync(IExamSessionObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IExamSessionObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task PushBoardAsync(CancellationToken cancellationToken)
    {
        if (!_boardChanged || _observers.Count == 0)
        {
            return;
        }

        _boardChanged = false;
        var rows = await GetBoardAsync();
        await _observers.Notify(o => o.BoardChanged(Id, rows));
    }

    private async Task PrepareAttemptsAsync()
    {
        foreach (var person in state.State.Roster)
        {
            await GrainFactory.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(Id, person)).PrepareAsync(Id, person, state.State.Details!.Qualification, state.State.Details.ShowResultAtOnce);
        }
    }

    private async Task<CommandResult> SaveDetailsAsync(SessionDetails details)
    {
        var errors = new List<FieldError>();
        var title = FieldRules.Text(errors, "Title", details.Title, 200) ?? string.Empty;
        var room = FieldRules.Text(errors, "Room", details.Room, 200, required: false);
        if (details.OperatorId == Guid.Empty)
        {
            errors.Add(new FieldError("OperatorId", OperatorRequired));
        }

        if (string.IsNullOrWhiteSpace(details.Qualification) ||
            await GrainFactory.GetGrain<IQualificationGrain>(details.Qualification).GetAsync() is null)
        {
            errors.Add(new FieldError("Qualification", UnknownQualification));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        await WriteAsync(state.State with { Details = details with { Title = title, Room = room } });
        return CommandResult.Ok(state.State.Version);
    }

    private async Task WriteAsync(ExamSessionState next)
    {
        state.State = next with { Version = state.State.Version + 1, UpdatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        await projection.UpsertSessionAsync(Id, state.State);
    }

    private SessionSnapshot? Snapshot() =>
        state.RecordExists
            ? new SessionSnapshot(Id, state.State.Version, state.State.Details!, state.State.Status, state.State.Roster, state.State.ResultsReleasedAt)
            : null;
}

[GenerateSerializer, Alias("cert.exams.ExamSessionState")]
public sealed record ExamSessionState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public SessionDetails? Details { get; init; }
    [Id(2)] public SessionStatus Status { get; init; } = SessionStatus.Scheduled;
    [Id(3)] public IReadOnlyList<Guid> Roster { get; init; } = [];
    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(5)] public string? OpenedBy { get; init; }
    [Id(6)] public DateTimeOffset? OpenedAt { get; init; }
    [Id(7)] public string? ClosedBy { get; init; }
    [Id(8)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(9)] public string? ResultsReleasedBy { get; init; }
    [Id(10)] public DateTimeOffset? ResultsReleasedAt { get; init; }
}
