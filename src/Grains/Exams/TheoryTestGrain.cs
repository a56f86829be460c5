using Certification.Items;
using Certification.Qualifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certification.Exams;

[GrainType("theorytest")]
public sealed class TheoryTestGrain(
    AttemptEventStore store, [FromKeyedServices(ExamClock.Key)] TimeProvider clock, ILogger<TheoryTestGrain> logger)
    : Grain, ITheoryTestGrain
{
    private const int MaxReasonLength = 500;
    private const int MaxExtensionMinutes = 120;

    private AttemptState _state = new();
    private string? _holder;
    private IGrainTimer? _deadlineTimer;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync();
        ArmDeadlineTimer();
    }

    // The session passes what it knows rather than being asked back: it is waiting on this call.
    public async Task PrepareAsync(Guid sessionId, Guid personId, string qualification, bool showResultAtOnce)
    {
        if (_state.Drawn is not null)
        {
            return;
        }

        var definition = await GrainFactory.GetGrain<IQualificationGrain>(qualification).GetAsync()
                         ?? throw new InvalidOperationException($"Qualification {qualification} is not published");
        var items = await GrainFactory.GetGrain<IItemBankGrain>(qualification).ActiveAsync();
        var seed = Random.Shared.Next();
        var blueprint = definition.Blueprint;
        var questions = TestDraw.Draw(blueprint, [.. items.Select(i => (i.ItemId, i.Version))], seed);
        await AppendAsync(new TestDrawn(sessionId, personId, qualification, seed, blueprint.Minutes, blueprint.PassPercent, showResultAtOnce, questions)
        {
            Actor = "system",
            At = clock.GetUtcNow(),
        });
    }

    public async Task<OpenResult> OpenAsync(string connectionId, string actor)
    {
        if (_state.Drawn is null)
        {
            return new OpenResult(null, AttemptCodes.NotPrepared, null);
        }

        await EnforceDeadlineAsync();
        if (_state.Status == AttemptStatus.Ready)
        {
            await AppendAsync(new TestStarted { Actor = actor, At = clock.GetUtcNow() });
            ArmDeadlineTimer();
        }

        var displaced = _holder is not null && _holder != connectionId ? _holder : null;
        _holder = connectionId;
        Report();
        return new OpenResult(View(), null, displaced);
    }

    public async Task<SaveAck> SaveAnswerAsync(string connectionId, string actor, AnswerChange change)
    {
        await EnforceDeadlineAsync();
        var refusal = connectionId != _holder ? AttemptCodes.OpenedElsewhere : RefusalToChange() ?? CheckAnswer(change);
        if (refusal is not null)
        {
            return Ack(change.Seq, SaveOutcome.Rejected, refusal);
        }

        // A resend, or a change overtaken by a later one to the same question: acknowledge, store nothing.
        if (_state.Answers.TryGetValue(change.Question, out var current) && change.Seq <= current.ClientSeq)
        {
            return Ack(change.Seq, SaveOutcome.AlreadySaved, null);
        }

        await AppendAsync(new AnswerSaved(change.Seq, change.Question, [.. change.Selected.Distinct(StringComparer.Ordinal)], change.Flagged)
        {
            Actor = actor,
            At = clock.GetUtcNow(),
        });
        Report();
        return Ack(change.Seq, SaveOutcome.Saved, null);
    }

    public async Task<OpenResult> SubmitAsync(string connectionId, string actor)
    {
        await EnforceDeadlineAsync();
        if (_state.Status == AttemptStatus.Submitted)
        {
            return new OpenResult(View(), null, null);
        }

        var refusal = connectionId != _holder ? AttemptCodes.OpenedElsewhere : RefusalToChange();
        if (refusal is not null)
        {
            return new OpenResult(null, refusal, null);
        }

        await FinishAsync(SubmissionCause.Candidate, actor, null);
        return new OpenResult(View(), null, null);
    }

    public Task DisconnectedAsync(string connectionId)
    {
        if (_holder == connectionId)
        {
            _holder = null;
            Report();
        }

        return Task.CompletedTask;
    }

    public async Task<string?> PauseAsync(string actor, string reason)
    {
        await EnforceDeadlineAsync();
        var refusal = CheckReason(reason) ?? RefusalToChange();
        if (refusal is not null)
        {
            return refusal;
        }

        await AppendAsync(new TestPaused { Actor = actor, At = clock.GetUtcNow(), Reason = reason.Trim() });
        ArmDeadlineTimer();
        Report();
        return null;
    }

    public async Task<string?> ResumeAsync(string actor, string reason)
    {
        var refusal = CheckReason(reason) ?? (_state.Status == AttemptStatus.Paused ? null : AttemptCodes.NotPaused);
        if (refusal is not null)
        {
            return refusal;
        }

        await AppendAsync(new TestResumed { Actor = actor, At = clock.GetUtcNow(), Reason = reason.Trim() });
        ArmDeadlineTimer();
        Report();
        return null;
    }

    public async Task<string?> ExtendAsync(int minutes, string actor, string reason)
    {
        await EnforceDeadlineAsync();
        var refusal = CheckReason(reason)
                      ?? (minutes is < 1 or > MaxExtensionMinutes ? AttemptCodes.ExtensionRange : null)
                      ?? (_state.Drawn is null ? AttemptCodes.NotPrepared : null)
                      ?? (_state.Status == AttemptStatus.Submitted ? AttemptCodes.Submitted : null);
        if (refusal is not null)
        {
            return refusal;
        }

        await AppendAsync(new TimeExtended(minutes) { Actor = actor, At = clock.GetUtcNow(), Reason = reason.Trim() });
        ArmDeadlineTimer();
        Report();
        return null;
    }

    public async Task<string?> TerminateAsync(string actor, string reason)
    {
        await EnforceDeadlineAsync();
        var refusal = CheckReason(reason)
                      ?? (_state.Drawn is null ? AttemptCodes.NotPrepared : null)
                      ?? (_state.Status == AttemptStatus.Submitted ? AttemptCodes.Submitted : null);
        if (refusal is not null)
        {
            return refusal;
        }

        await FinishAsync(SubmissionCause.Terminated, actor, reason.Trim());
        return null;
    }

    public async Task SessionClosedAsync(string actor)
    {
        await EnforceDeadlineAsync();
        if (_state.Drawn is not null && _state.Status != AttemptStatus.Submitted)
        {
            await FinishAsync(SubmissionCause.SessionClosed, actor, null);
        }
    }

    public async Task<bool> ReleaseResultAsync(string actor)
    {
        await EnforceDeadlineAsync();
        if (_state.Submission is null)
        {
            return false;
        }

        if (!_state.ResultVisible())
        {
            await AppendAsync(new ResultReleased { Actor = actor, At = clock.GetUtcNow() });
        }

        return true;
    }

    public async Task<AttemptBoardRow?> GetBoardRowAsync()
    {
        await EnforceDeadlineAsync();
        return BoardRow();
    }

    public async Task<AttemptResult?> GetResultAsync()
    {
        await EnforceDeadlineAsync();
        return _state.Submission?.Result;
    }

    /// <summary>
    /// Time is checked on every call and by a timer while the grain is active; if the silo is lost, the
    /// session's reminder asks every attempt once a minute. Whichever comes first submits the test.
    /// </summary>
    private async Task EnforceDeadlineAsync()
    {
        if (_state.Deadline is { } deadline && clock.GetUtcNow() >= deadline)
        {
            logger.LogInformation("Attempt {Attempt}: time is up, submitting", Key);
            await FinishAsync(SubmissionCause.TimeUp, "system", null);
        }
    }

    private async Task FinishAsync(SubmissionCause cause, string actor, string? reason)
    {
        await AppendAsync(new TestSubmitted(cause, _state.Score()) { Actor = actor, At = clock.GetUtcNow(), Reason = reason });
        ArmDeadlineTimer();
        Report();
    }

    private void ArmDeadlineTimer()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        if (_state.Deadline is not { } deadline)
        {
            return;
        }

        var due = deadline - clock.GetUtcNow();
        _deadlineTimer = this.RegisterGrainTimer(
            _ => EnforceDeadlineAsync(),
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, TimeSpan.FromSeconds(5)) { KeepAlive = true });
    }

    private async Task AppendAsync(AttemptEvent @event)
    {
        if (!await store.AppendAsync(Key, _state.EventCount + 1, @event))
        {
            // Another activation wrote to this attempt (a split cluster healing): take its history and let the caller retry.
            logger.LogWarning("Attempt {Attempt}: concurrent write detected, reloading", Key);
            await ReloadAsync();
            throw new InvalidOperationException($"Attempt {Key} was changed concurrently; retry the command.");
        }

        _state.Apply(@event);
    }

    private async Task ReloadAsync()
    {
        var state = new AttemptState();
        foreach (var @event in await store.ReadAsync(Key))
        {
            state.Apply(@event);
        }

        _state = state;
    }

    private string? RefusalToChange() => _state.Status == AttemptStatus.InProgress ? null : StatusRefusal();

    private string StatusRefusal() => _state.Status switch
    {
        AttemptStatus.Submitted => AttemptCodes.Submitted,
        AttemptStatus.Paused => AttemptCodes.Paused,
        _ when _state.Drawn is null => AttemptCodes.NotPrepared,
        _ => AttemptCodes.NotStarted,
    };

    private string? CheckAnswer(AnswerChange change)
    {
        var question = _state.Drawn!.Questions.FirstOrDefault(q => q.Number == change.Question);
        if (question is null)
        {
            return AttemptCodes.BadQuestion;
        }

        if (change.Selected.Any(id => question.Options.All(o => o.Id != id)))
        {
            return AttemptCodes.BadOption;
        }

        return question.Kind != ItemKind.MultipleChoice && change.Selected.Distinct().Count() > 1 ? AttemptCodes.OneOptionOnly : null;
    }

    private static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength ? AttemptCodes.ReasonRequired : null;

    private SaveAck Ack(int seq, SaveOutcome outcome, string? code) =>
        new(seq, outcome, code, RemainingSeconds(), _state.Status);

    private int RemainingSeconds() => (int)Math.Ceiling(_state.Remaining(clock.GetUtcNow()).TotalSeconds);

    private AttemptView View()
    {
        var drawn = _state.Drawn!;
        var submitted = _state.Submission;
        var showResult = _state.ResultVisible();
        return new AttemptView(
            _state.Status,
            [.. drawn.Questions.Select(q => new QuestionView(q.Number, q.Kind, q.Stem, q.Options))],
            [.. _state.Answers.OrderBy(a => a.Key).Select(a => new AnswerView(a.Key, a.Value.Selected, a.Value.Flagged))],
            _state.HighestClientSeq,
            RemainingSeconds(),
            showResult ? submitted!.Result : null,
            submitted is not null && !showResult);
    }

    private AttemptBoardRow? BoardRow() =>
        _state.Drawn is not { } drawn
            ? null
            : new AttemptBoardRow(
                drawn.PersonId, _state.Status, _holder is not null, _state.Answered, drawn.Questions.Count, RemainingSeconds(),
                _state.LastActivity, _state.Submission?.Result.Percent, _state.Submission?.Result.Passed);

    // The roster is a live view, not a record: a lost report is corrected by the next one.
    private void Report()
    {
        if (BoardRow() is { } row)
        {
            GrainFactory.GetGrain<IExamSessionGrain>(_state.Drawn!.SessionId).ReportAsync(row).Ignore();
        }
    }
}
