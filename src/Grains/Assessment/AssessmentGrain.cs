using Certification.Certificates;
using Certification.Common;
using Certification.Exams;
using Certification.Infrastructure;
using Certification.Qualifications;
using Certification.Simulation;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Certification.Assessment;

public sealed class AssessmentGrain(
    AuditLog<AssessmentEvent> log, PanelConflicts conflicts, IConfiguration configuration, [FromKeyedServices(ExamClock.Key)] TimeProvider clock,
    ILogger<AssessmentGrain> logger)
    : Grain, IAssessmentGrain
{
    public const string NotOnPanel = "assessment.not_on_panel";
    public const string Final = "decision.final";
    public const string NoDraft = "decision.no_draft";
    public const string NotCandidate = "appeal.not_candidate";
    public const string NoAppeal = "appeal.none";
    public const string NotReviewer = "appeal.not_reviewer";
    public const string AppealClosed = "appeal.decided";
    public const string NewDecisionRequired = "appeal.new_decision_required";
    public const string Concurrent = "assessment.concurrent";

    private AssessmentState _state = new();
    private Guid _session;
    private Guid _candidate;
    private string _stream = string.Empty;
    private Dictionary<AssessmentPart, IReadOnlyList<string>> _criteria = null!;
    private int _passPercent;

    private int AppealDays => configuration.GetValue("Assessment:AppealDays", AppealRules.DefaultDays);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _session = this.GetPrimaryKey(out var extension);
        _candidate = Guid.ParseExact(extension!, "N");
        _stream = AssessmentKey.Stream(_session, _candidate);
        await ReloadAsync();

        // The criteria each part grades come from the session's qualification: the qualification is data.
        var session = await GrainFactory.GetGrain<IExamSessionGrain>(_session).GetAsync();
        var qualification = session is null ? null : await GrainFactory.GetGrain<IQualificationGrain>(session.Details.Qualification).GetAsync();
        _criteria = new[] { AssessmentPart.Practical, AssessmentPart.Interview }.ToDictionary(
            part => part,
            part => qualification is null ? [] : (IReadOnlyList<string>)[.. AssessmentCriteria.Of(qualification, part).Select(c => c.Id)]);
        _passPercent = qualification?.Blueprint.PassPercent ?? 0;
    }

    public async Task<IReadOnlyList<PanelObjection>> AppointPanelAsync(IReadOnlyList<Guid> assessors, string actor)
    {
        // After grading started the panel may only be completed (a member withdrew), never recomposed.
        if (_state.GradingStarted && !PanelRules.Completes(_state.Panel, assessors))
        {
            return [new PanelObjection(PanelRules.GradingStarted)];
        }

        var objections = PanelRules.Check(_candidate, assessors, await conflicts.ForAsync(_candidate, assessors));
        if (objections.Count > 0)
        {
            return objections;
        }

        return await AppendAsync(new PanelAppointed(_session, _candidate, [.. assessors]) { Actor = actor, At = clock.GetUtcNow() })
            ? []
            : [new PanelObjection(Concurrent)];
    }

    public async Task<CommandResult> DeclareConflictAsync(Guid assessor, string reason, string actor)
    {
        if (!_state.Panel.Contains(assessor) || string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Ok(_state.Version);
        }

        reason = reason.Trim();
        if (_state.Decision?.SignedAt is not null)
        {
            // A final decision is changed only by an appeal; the declaration goes on its record, once per wording.
            return _state.Conflicts.Any(c => c.Assessor == assessor && c.Reason == reason)
                ? CommandResult.Ok(_state.Version)
                : await Saved(new ConflictAfterDecision(assessor) { Actor = actor, At = clock.GetUtcNow(), Reason = reason });
        }

        return await Saved(new PanelMemberWithdrawn(assessor) { Actor = actor, At = clock.GetUtcNow(), Reason = reason });
    }

    public async Task<CommandResult> SaveGradesAsync(AssessmentPart part, Guid assessor, IReadOnlyList<CriterionGrade> grades, bool submit, string actor)
    {
        if (!_state.Panel.Contains(assessor))
        {
            return CommandResult.Rejected("Assessor", NotOnPanel);
        }

        if (_state.SheetOf(part, assessor)?.SubmittedAt is not null)
        {
            return CommandResult.Rejected("Grades", GradingRules.AlreadySubmitted);
        }

        var criteria = _criteria[part];
        if (grades.Any(g => !criteria.Contains(g.CriterionId)))
        {
            return CommandResult.Rejected("Grades", GradingRules.UnknownCriterion);
        }

        if (submit && GradingRules.CheckSubmission(criteria, grades) is [var problem, ..])
        {
            return CommandResult.Rejected("Grades", problem);
        }

        var normalized = grades.Select(g => g with { Comment = string.IsNullOrWhiteSpace(g.Comment) ? null : g.Comment.Trim() }).ToList();
        return await Saved(new GradesSaved(part, assessor, normalized, submit) { Actor = actor, At = clock.GetUtcNow() });
    }

    public Task<IReadOnlyList<GradeSheet>> GetSheetsAsync(AssessmentPart part, Guid viewer) =>
        Task.FromResult(GradingRules.VisibleTo(viewer, _state.Sheets[part]));

    public async Task<CommandResult> ResolveAsync(AssessmentPart part, string criterionId, bool met, string reason, Guid by, string actor)
    {
        if (!_state.Panel.Contains(by))
        {
            return CommandResult.Rejected("By", NotOnPanel);
        }

        if (_state.Panel.Any(a => _state.SheetOf(part, a)?.SubmittedAt is null))
        {
            return CommandResult.Rejected("Criterion", GradingRules.NotAllSubmitted);
        }

        if (!GradingRules.Disagreements(_criteria[part], _state.Sheets[part]).Contains(criterionId))
        {
            return CommandResult.Rejected("Criterion", GradingRules.NoDisagreement);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Rejected("Reason", GradingRules.ReasonRequired);
        }

        return await Saved(new DisagreementResolved(part, criterionId, met, by) { Actor = actor, At = clock.GetUtcNow(), Reason = reason.Trim() });
    }

    public async Task<CommandResult> DraftDecisionAsync(DecisionOutcome outcome, IReadOnlyDictionary<string, string> justifications, Guid by, string actor)
    {
        if (!_state.Panel.Contains(by))
        {
            return CommandResult.Rejected("By", NotOnPanel);
        }

        if (_state.Decision?.SignedAt is not null)
        {
            return CommandResult.Rejected("Decision", Final);
        }

        if (_state.Panel.Count < PanelRules.MinimumSize)
        {
            return CommandResult.Rejected("Decision", PanelRules.Incomplete);
        }

        var basis = await BasisAsync();
        var proposal = DecisionRules.Propose(basis, _criteria[AssessmentPart.Practical], _criteria[AssessmentPart.Interview]);
        var problems = DecisionRules.CheckSigning(proposal, outcome, justifications);
        if (problems.Count > 0)
        {
            return CommandResult.Rejected([.. problems.Select(p => new FieldError(p.Part.Length == 0 ? "Outcome" : $"Justifications[{p.Part}]", p.Code))]);
        }

        // Only the unmet parts carry a justification: a stray text about a met criterion would mislead an appeal.
        var kept = proposal.Unmet.ToDictionary(part => part, part => justifications[part].Trim(), StringComparer.Ordinal);
        return await Saved(new DecisionDrafted(outcome, kept, basis, by) { Actor = actor, At = clock.GetUtcNow() });
    }

    public async Task<CommandResult> SignDecisionAsync(Guid by, string actor)
    {
        if (!_state.Panel.Contains(by))
        {
            return CommandResult.Rejected("By", NotOnPanel);
        }

        if (_state.Decision is not { } decision)
        {
            return CommandResult.Rejected("Decision", NoDraft);
        }

        if (_state.Panel.Count < PanelRules.MinimumSize)
        {
            return CommandResult.Rejected("Decision", PanelRules.Incomplete);
        }

        if (decision.Signatures.Contains(by))
        {
            return CommandResult.Ok(_state.Version);
        }

        var result = await Saved(new DecisionSigned(by) { Actor = actor, At = clock.GetUtcNow() });
        if (result.Succeeded && _state.Decision!.SignedAt is not null)
        {
            // The theory result was withheld for the panel's decision: now the candidate sees both.
            await GrainFactory.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(_session, _candidate)).ReleaseResultAsync(actor);
            await IssueCertificateIfPositiveAsync(actor);
        }

        return result;
    }

    public async Task<CommandResult> FileAppealAsync(Guid candidate, string reasons, string actor)
    {
        if (candidate != _candidate)
        {
            return CommandResult.Rejected("Candidate", NotCandidate);
        }

        if (_state.Decision?.SignedAt is not { } signedAt)
        {
            return CommandResult.Rejected("Decision", AppealRules.NoSignedDecision);
        }

        if (_state.Appeal is not null)
        {
            return CommandResult.Rejected("Reasons", AppealRules.AlreadyFiled);
        }

        if (AppealRules.CheckFiling(signedAt, AppealDays, clock.GetUtcNow(), reasons) is { } problem)
        {
            return CommandResult.Rejected("Reasons", problem);
        }

        return await Saved(new AppealFiled(candidate) { Actor = actor, At = clock.GetUtcNow(), Reason = reasons.Trim() });
    }

    public async Task<IReadOnlyList<PanelObjection>> AssignReviewerAsync(Guid reviewer, string actor)
    {
        if (_state.Appeal is not { } appeal)
        {
            return [new PanelObjection(NoAppeal)];
        }

        if (appeal.Outcome is not null)
        {
            return [new PanelObjection(AppealClosed)];
        }

        if (AppealRules.CheckReviewer(reviewer, _candidate, _state.Panel, await conflicts.ForAsync(_candidate, [reviewer])) is { } objection)
        {
            return [objection];
        }

        return await AppendAsync(new ReviewerAssigned(reviewer) { Actor = actor, At = clock.GetUtcNow() }) ? [] : [new PanelObjection(Concurrent)];
    }

    public async Task<CommandResult> DecideAppealAsync(
        AppealOutcome outcome, string reasons, DecisionOutcome? newOutcome, IReadOnlyDictionary<string, string>? justifications, Guid reviewer, string actor,
        Guid? revalidationSession = null)
    {
        if (_state.Appeal is not { } appeal)
        {
            return CommandResult.Rejected("Appeal", NoAppeal);
        }

        if (appeal.Reviewer != reviewer)
        {
            return CommandResult.Rejected("Reviewer", NotReviewer);
        }

        if (appeal.Outcome is not null)
        {
            return CommandResult.Rejected("Outcome", AppealClosed);
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            return CommandResult.Rejected("Reasons", AppealRules.ReasonsRequired);
        }

        // A changed decision is the reviewer's own: it may differ from the panel's grades, but a negative
        // one is still justified in writing (rule 8).
        var changed = outcome == AppealOutcome.DecisionChanged;
        if (changed != newOutcome.HasValue ||
            (newOutcome == DecisionOutcome.Negative && (justifications is null || justifications.Values.All(string.IsNullOrWhiteSpace))))
        {
            return CommandResult.Rejected("NewOutcome", NewDecisionRequired);
        }

        if (revalidationSession is { } chosen)
        {
            if (outcome != AppealOutcome.NewValidation)
            {
                return CommandResult.Rejected("RevalidationSession", RevalidationRules.OnlyForNewValidation);
            }

            if (await RevalidationProblemAsync(chosen) is { } problem)
            {
                return CommandResult.Rejected("RevalidationSession", problem);
            }
        }

        var decided = await Saved(new AppealDecided(outcome, reviewer, newOutcome, changed ? justifications : null)
        {
            Actor = actor, At = clock.GetUtcNow(), Reason = reasons.Trim(),
        });
        if (decided.Succeeded && changed)
        {
            await IssueCertificateIfPositiveAsync(actor);
        }

        if (!decided.Succeeded || revalidationSession is not { } target)
        {
            return decided;
        }

        // The outcome stands whatever the roster says; should the session refuse the candidate after all (it opened in
        // the meantime), they wait on the office's list like anyone whose reviewer chose no session.
        var scheduled = await ScheduleAsync(target, actor);
        if (!scheduled.Succeeded)
        {
            logger.LogWarning("Appeal of {Stream} upheld, but session {Session} refused the candidate: {Code}", _stream, target, scheduled.Errors[0].Code);
        }

        return scheduled.Succeeded ? scheduled : decided;
    }

    public async Task<CommandResult> ScheduleRevalidationAsync(Guid sessionId, string actor)
    {
        if (_state.Appeal?.Revalidation is not { IsAwaiting: true })
        {
            return CommandResult.Rejected("Session", RevalidationRules.NotAwaiting);
        }

        return await RevalidationProblemAsync(sessionId) is { } problem
            ? CommandResult.Rejected("Session", problem)
            : await ScheduleAsync(sessionId, actor);
    }

    public Task<IReadOnlyList<GradeSheet>> GetSubmittedSheetsAsync(AssessmentPart part) =>
        Task.FromResult<IReadOnlyList<GradeSheet>>([.. _state.Sheets[part].Where(s => s.SubmittedAt is not null)]);

    public Task<DecisionBasis> GetBasisAsync() => BasisAsync();

    public Task<AssessmentSnapshot> GetAsync() => Task.FromResult(new AssessmentSnapshot(
        _session, _candidate, _state.Version, _state.Panel,
        _state.Sheets.ToDictionary(p => p.Key, p => (IReadOnlyList<Guid>)[.. p.Value.Where(s => s.SubmittedAt is not null).Select(s => s.AssessorId)]),
        _state.Sheets.ToDictionary(p => p.Key, p => GradingRules.Disagreements(_criteria[p.Key], p.Value)),
        _state.Resolutions.ToDictionary(p => p.Key, p => (IReadOnlyList<Resolution>)[.. p.Value]),
        _state.Decision,
        _state.Appeal,
        _state.Decision?.SignedAt is { } signed ? AppealRules.LastDay(signed, AppealDays) : null,
        [.. _state.Conflicts]));

    public async Task<CommandResult> NoteObservationAsync(int actionSequence, string text, Guid by, string actor)
    {
        if (!_state.Panel.Contains(by))
        {
            return CommandResult.Rejected("By", NotOnPanel);
        }

        if (_state.Decision?.SignedAt is not null)
        {
            return CommandResult.Rejected("Text", ObservationRules.DecisionFinal);
        }

        if (ObservationRules.CheckText(text) is { } problem)
        {
            return CommandResult.Rejected("Text", problem);
        }

        // The simulation's own log says which actions exist; a note about anything else would point at nothing.
        var actions = actionSequence < 1 ? [] : await GrainFactory.Simulation(_session, _candidate).GetActionsAsync(actionSequence - 1);
        if (actions.Count == 0 || actions[0].Sequence != actionSequence)
        {
            return CommandResult.Rejected("ActionSequence", ObservationRules.UnknownAction);
        }

        return await Saved(new ObservationNoted(actionSequence, text.Trim(), by) { Actor = actor, At = clock.GetUtcNow() });
    }

    public Task<IReadOnlyList<ObservationNote>> GetObservationsAsync() => Task.FromResult<IReadOnlyList<ObservationNote>>([.. _state.Observations]);

    public Task<CandidateDecision?> GetForCandidateAsync() => Task.FromResult(
        _state.Decision is { SignedAt: { } signed } decision
            ? new CandidateDecision(decision.Outcome, decision.Justifications, signed, AppealRules.LastDay(signed, AppealDays), _state.Appeal, decision.SetAsideAt)
            : null);

    /// <summary>Why the new validation cannot take place in this session, or null when it can.</summary>
    private async Task<string?> RevalidationProblemAsync(Guid sessionId)
    {
        var appealed = (await GrainFactory.GetGrain<IExamSessionGrain>(_session).GetAsync())!;
        var session = await GrainFactory.GetGrain<IExamSessionGrain>(sessionId).GetAsync();
        return RevalidationRules.CheckSession(session, appealed, clock.GetUtcNow());
    }

    /// <summary>Puts the candidate on the session's roster, then records it; nothing is recorded for a roster that refused them.</summary>
    private async Task<CommandResult> ScheduleAsync(Guid sessionId, string actor)
    {
        var (session, refusal) = await AddToRosterAsync(GrainFactory.GetGrain<IExamSessionGrain>(sessionId));
        return refusal is not null
            ? CommandResult.Rejected("Session", refusal)
            : await Saved(new RevalidationScheduled(session!.Id, session.Details.Title, session.Details.StartsAt) { Actor = actor, At = clock.GetUtcNow() });
    }

    /// <summary>
    /// The session grain replaces a roster whole at a version: a change by someone else in between is retried on the new
    /// roster, a few times. Returns the session as the candidate was put on it, or why they were not.
    /// </summary>
    private async Task<(SessionSnapshot? Session, string? Refusal)> AddToRosterAsync(IExamSessionGrain grain)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var session = await grain.GetAsync();
            if (session is null || session.Status != SessionStatus.Scheduled)
            {
                return (null, RevalidationRules.NotUpcoming);
            }

            if (session.Roster.Contains(_candidate))
            {
                return (session, null);
            }

            var result = await grain.SetRosterAsync(session.Version, [.. session.Roster, _candidate]);
            if (result.Succeeded)
            {
                return (session, null);
            }

            if (result.Errors[0].Code != ErrorCodes.VersionConflict)
            {
                return (null, RevalidationRules.NotUpcoming);
            }
        }

        return (null, Concurrent);
    }

    private async Task<DecisionBasis> BasisAsync()
    {
        var theory = await GrainFactory.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(_session, _candidate)).GetResultAsync();
        return new DecisionBasis(
            theory?.Passed, theory?.Percent, _passPercent,
            FinalGrades(AssessmentPart.Practical), FinalGrades(AssessmentPart.Interview));
    }

    // A final positive decision earns the certificate. Issuing is idempotent (one number per validation), and the
    // session's bulk issue gives any certificate a failure here left out.
    private async Task IssueCertificateIfPositiveAsync(string actor)
    {
        if (_state.Decision is { Outcome: DecisionOutcome.Positive, SignedAt: not null })
        {
            await GrainFactory.CertificateIssuer().IssueForValidationAsync(_session, _candidate, actor);
        }
    }

    // Until every panel member has submitted and every disagreement is resolved, a part has no final grades.
    private IReadOnlyDictionary<string, bool> FinalGrades(AssessmentPart part) =>
        GradingRules.Final(_criteria[part], _state.Panel.ToList(), _state.Sheets[part], _state.Resolutions[part]) ?? new Dictionary<string, bool>();

    private async Task<CommandResult> Saved(AssessmentEvent @event) =>
        await AppendAsync(@event) ? CommandResult.Ok(_state.Version) : CommandResult.Rejected("Version", Concurrent);

    private async Task<bool> AppendAsync(AssessmentEvent @event)
    {
        // Applied first so the projection row is written from the state after the event, in the event's
        // transaction; if the write does not happen, the state is read back from the log.
        var seq = _state.Version + 1;
        _state.Apply(@event);
        var written = false;
        try
        {
            written = await log.AppendAsync(_stream, seq, @event, ProjectAsync);
        }
        finally
        {
            if (!written)
            {
                await ReloadAsync();
            }
        }

        return written;
    }

    private async Task ReloadAsync()
    {
        _state = new AssessmentState();
        foreach (var @event in await log.ReadAsync(_stream))
        {
            _state.Apply(@event);
        }
    }

    private Task ProjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteAsync(
            """
            INSERT INTO assessment_projection (
                session_id, person_id, version, panel, decision, decided_at, appeal_status, reviewer_id, updated_at, decision_set_aside_at, revalidation_session_id)
            VALUES (@session, @person, @version, @panel, @decision, @decidedAt, @appealStatus, @reviewer, @now, @setAsideAt, @revalidationSession)
            ON CONFLICT (session_id, person_id) DO UPDATE SET
                version = excluded.version, panel = excluded.panel, decision = excluded.decision, decided_at = excluded.decided_at,
                appeal_status = excluded.appeal_status, reviewer_id = excluded.reviewer_id, updated_at = excluded.updated_at,
                decision_set_aside_at = excluded.decision_set_aside_at, revalidation_session_id = excluded.revalidation_session_id
            """,
            new
            {
                session = _session, person = _candidate, version = _state.Version, panel = _state.Panel.ToArray(),
                decision = _state.Decision?.SignedAt is null ? null : (int?)_state.Decision.Outcome,
                decidedAt = _state.Decision?.SignedAt?.UtcDateTime,
                appealStatus = _state.Appeal is null ? null : (int?)(_state.Appeal.Outcome ?? 0),
                reviewer = _state.Appeal?.Reviewer,
                now = clock.GetUtcNow().UtcDateTime,
                setAsideAt = _state.Decision?.SetAsideAt?.UtcDateTime,
                revalidationSession = _state.Appeal?.Revalidation?.SessionId,
            },
            transaction);
}
