using Certification.Assessment;
using Certification.Infrastructure;
using Certification.Portal.Accounts;
using Dapper;
using Npgsql;

namespace Certification.Portal.Assessment;

/// <summary>A CRM person as a list shows them: an assessor, a reviewer, a candidate.</summary>
public sealed record PersonOption(Guid Id, string Name);

/// <summary>One candidate's validation in a list (an assessor's panels, a reviewer's appeals, the office's appeals).</summary>
public sealed record ValidationListItem
{
    public Guid SessionId { get; init; }

    public Guid PersonId { get; init; }

    public string Candidate { get; init; } = string.Empty;

    public string Session { get; init; } = string.Empty;

    public DateTime StartsAtUtc { get; init; }

    public Guid[] Panel { get; init; } = [];

    public DecisionOutcome? Decision { get; init; }

    public DateTime? DecidedAtUtc { get; init; }

    /// <summary>Null: no appeal; 0: filed and open; otherwise the <see cref="AppealOutcome"/>.</summary>
    public int? AppealStatus { get; init; }

    public Guid? ReviewerId { get; init; }

    public DateTimeOffset StartsAt => new(DateTime.SpecifyKind(StartsAtUtc, DateTimeKind.Utc));

    public DateTimeOffset? DecidedAt => DecidedAtUtc is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    public bool AppealOpen => AppealStatus == 0;
}

/// <summary>An exam session in a choice: where a new validation can take place.</summary>
public sealed record SessionOption(Guid Id, string Qualification, string Title, DateTime StartsAtUtc)
{
    public DateTimeOffset StartsAt => new(DateTime.SpecifyKind(StartsAtUtc, DateTimeKind.Utc));
}

/// <summary>A candidate whose appeal was upheld with a new validation, waiting to be put on a session's roster.</summary>
public sealed record AwaitingRevalidation(Guid SessionId, Guid PersonId, string Candidate, string Session, string Qualification, DateTime SetAsideAtUtc)
{
    public DateTimeOffset SetAsideAt => new(DateTime.SpecifyKind(SetAsideAtUtc, DateTimeKind.Utc));
}

/// <summary>A conflict of interest an assessor declared about a candidate.</summary>
public sealed record DeclaredConflict(Guid CandidateId, string Candidate, string Reason, DateTime DeclaredAtUtc)
{
    public DateTimeOffset DeclaredAt => new(DateTime.SpecifyKind(DeclaredAtUtc, DateTimeKind.Utc));
}

/// <summary>
/// Lists of validations read from <c>assessment_projection</c>, the people who may sit on panels or review
/// appeals (CRM people with such an account), and a session's submitted grades read from the audit trail.
/// </summary>
public sealed class AssessmentQueries(NpgsqlDataSource dataSource, AuditLog<AssessmentEvent> log)
{
    private const string Columns =
        """
        a.session_id AS SessionId, a.person_id AS PersonId, p.last_name || ' ' || p.first_name AS Candidate, s.title AS Session,
        s.starts_at AS StartsAtUtc, a.panel AS Panel, a.decision::int AS Decision, a.decided_at AS DecidedAtUtc,
        a.appeal_status::int AS AppealStatus, a.reviewer_id AS ReviewerId
        """;

    private const string From =
        """
        FROM assessment_projection a
        JOIN exam_session_projection s ON s.id = a.session_id
        JOIN person_projection p ON p.id = a.person_id
        """;

    /// <summary>People who may be put on a panel: those with an enabled Assessor account.</summary>
    public Task<IReadOnlyList<PersonOption>> AssessorsAsync() => StaffAsync([Roles.Assessor]);

    /// <summary>People who may review an appeal: assessors and training administrators with a CRM person.</summary>
    public Task<IReadOnlyList<PersonOption>> ReviewersAsync() => StaffAsync([Roles.Assessor, Roles.TrainingAdmin]);

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<PersonOption>(
            "SELECT id AS Id, first_name || ' ' || last_name AS Name FROM person_projection WHERE id = ANY (@ids)", new { ids = people.Distinct().ToArray() });
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }

    /// <summary>The validations of a session, by candidate.</summary>
    public async Task<IReadOnlyDictionary<Guid, ValidationListItem>> OfSessionAsync(Guid sessionId) =>
        (await QueryAsync($"SELECT {Columns} {From} WHERE a.session_id = @sessionId", new { sessionId })).ToDictionary(v => v.PersonId);

    /// <summary>"Moje komisje": the validations whose panel <paramref name="assessor"/> sits on, newest sessions first.</summary>
    public Task<IReadOnlyList<ValidationListItem>> PanelsOfAsync(Guid assessor) =>
        QueryAsync($"SELECT {Columns} {From} WHERE a.panel @> ARRAY[@assessor]::uuid[] ORDER BY s.starts_at DESC, p.last_name, p.first_name", new { assessor });

    /// <summary>The appeals assigned to <paramref name="reviewer"/>, open ones first.</summary>
    public Task<IReadOnlyList<ValidationListItem>> ReviewsOfAsync(Guid reviewer) =>
        QueryAsync($"SELECT {Columns} {From} WHERE a.reviewer_id = @reviewer ORDER BY a.appeal_status, a.decided_at DESC", new { reviewer });

    /// <summary>Every appeal, open ones first.</summary>
    public Task<IReadOnlyList<ValidationListItem>> AppealsAsync() =>
        QueryAsync($"SELECT {Columns} {From} WHERE a.appeal_status IS NOT NULL ORDER BY a.appeal_status, a.decided_at DESC LIMIT 500", null);

    /// <summary>
    /// Sessions of these qualifications that have not opened yet and start after <paramref name="now"/>, soonest first:
    /// the choice for a new validation (<see cref="RevalidationRules"/>, which the grain checks again).
    /// </summary>
    public async Task<IReadOnlyList<SessionOption>> UpcomingSessionsAsync(IReadOnlyCollection<string> qualifications, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<SessionOption>(
            """
            SELECT id AS Id, qualification AS Qualification, title AS Title, starts_at AS StartsAtUtc
            FROM exam_session_projection
            WHERE qualification = ANY (@qualifications) AND status = @scheduled AND starts_at > @now
            ORDER BY starts_at, title
            LIMIT 200
            """,
            new { qualifications = qualifications.ToArray(), scheduled = (int)Certification.Exams.SessionStatus.Scheduled, now = now.UtcDateTime })];
    }

    public Task<IReadOnlyList<SessionOption>> UpcomingSessionsAsync(string qualification, DateTimeOffset now) => UpcomingSessionsAsync([qualification], now);

    /// <summary>Candidates whose appeal ordered a new validation and who are on no session's roster for it yet, longest waiting first.</summary>
    public async Task<IReadOnlyList<AwaitingRevalidation>> AwaitingRevalidationAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<AwaitingRevalidation>(
            $"""
            SELECT a.session_id AS SessionId, a.person_id AS PersonId, p.last_name || ' ' || p.first_name AS Candidate, s.title AS Session,
                   s.qualification AS Qualification, a.decision_set_aside_at AS SetAsideAtUtc
            {From}
            WHERE a.appeal_status = @newValidation AND a.revalidation_session_id IS NULL
            ORDER BY a.decision_set_aside_at
            LIMIT 500
            """,
            new { newValidation = (int)AppealOutcome.NewValidation })];
    }

    /// <summary>The sessions in which <paramref name="personId"/> has a signed decision, for their own page.</summary>
    public async Task<IReadOnlySet<Guid>> DecidedSessionsOfAsync(Guid personId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>(
            "SELECT session_id FROM assessment_projection WHERE person_id = @personId AND decided_at IS NOT NULL", new { personId })).ToHashSet();
    }

    /// <summary>
    /// Candidates an assessor may declare a conflict with: people on the roster of a session who have no signed
    /// decision there yet (a conflict matters until then).
    /// </summary>
    public async Task<IReadOnlyList<PersonOption>> UndecidedCandidatesAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<PersonOption>(
            """
            SELECT p.id AS Id, p.last_name || ' ' || p.first_name AS Name
            FROM person_projection p
            WHERE EXISTS (
                SELECT 1 FROM exam_roster_projection r
                LEFT JOIN assessment_projection a ON a.session_id = r.session_id AND a.person_id = r.person_id
                WHERE r.person_id = p.id AND a.decided_at IS NULL)
            ORDER BY p.last_name, p.first_name
            LIMIT 1000
            """)];
    }

    public async Task<IReadOnlyList<DeclaredConflict>> ConflictsOfAsync(Guid assessor)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<DeclaredConflict>(
            """
            SELECT c.candidate_id AS CandidateId, coalesce(p.last_name || ' ' || p.first_name, c.candidate_id::text) AS Candidate,
                   c.reason AS Reason, c.declared_at AS DeclaredAtUtc
            FROM assessor_conflict c LEFT JOIN person_projection p ON p.id = c.candidate_id
            WHERE c.assessor_id = @assessor ORDER BY c.declared_at DESC
            """,
            new { assessor })];
    }

    /// <summary>
    /// The submitted sheets of a part for every candidate of a session, read from their audit trails in one go:
    /// a submitted sheet is fixed, so its one <see cref="GradesSaved"/> event with <c>Submitted</c> is the sheet. The
    /// sheets of a member withdrawn for a conflict of interest do not count, here as in the decision.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<GradeSheet>>> SubmittedSheetsAsync(Guid sessionId, AssessmentPart part)
    {
        var streams = (await OfSessionAsync(sessionId)).Keys.Select(person => AssessmentKey.Stream(sessionId, person)).ToList();
        var events = await log.ReadAsync(streams);
        return [.. streams.Select(stream =>
        {
            var withdrawn = events[stream].OfType<PanelMemberWithdrawn>().Select(w => w.Assessor).ToHashSet();
            return (IReadOnlyList<GradeSheet>)[.. events[stream]
                .OfType<GradesSaved>()
                .Where(g => g.Submitted && g.Part == part && !withdrawn.Contains(g.Assessor))
                .Select(g => new GradeSheet(g.Assessor, g.Grades, g.At))];
        })];
    }

    private async Task<IReadOnlyList<PersonOption>> StaffAsync(string[] roles)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<PersonOption>(
            """
            SELECT p.id AS Id, p.first_name || ' ' || p.last_name AS Name
            FROM person_projection p
            WHERE EXISTS (SELECT 1 FROM user_account u WHERE u.person_id = p.id AND u.roles && @roles AND NOT u.is_disabled)
            ORDER BY p.last_name, p.first_name
            """,
            new { roles })];
    }

    private async Task<IReadOnlyList<ValidationListItem>> QueryAsync(string sql, object? parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<ValidationListItem>(sql, parameters)];
    }
}
