using Certification.Exams;
using Dapper;
using Npgsql;

namespace Certification.Portal.Exams;

// Npgsql reads timestamptz as a UTC DateTime, which is what Dapper can hand to these constructors.
public sealed record SessionListItem(Guid Id, string Qualification, string Title, DateTime StartsAtUtc, string? Location, SessionStatus Status, int Candidates)
{
    public DateTimeOffset StartsAt => new(DateTime.SpecifyKind(StartsAtUtc, DateTimeKind.Utc));
}

public sealed record AttemptRecordRow(int Seq, DateTime AtUtc, string Actor, string Kind, string Data, string? Reason)
{
    public DateTimeOffset At => new(DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc));
}

/// <summary>Lists of sessions for each role, read from the projections; the audit trail of one attempt.</summary>
public sealed class ExamQueries(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "s.id AS Id, s.qualification AS Qualification, s.title AS Title, s.starts_at AS StartsAtUtc, s.location AS Location, s.status::int AS Status, s.candidates AS Candidates";

    public Task<IReadOnlyList<SessionListItem>> AllAsync() =>
        QueryAsync($"SELECT {Columns} FROM exam_session_projection s ORDER BY s.starts_at DESC LIMIT 200", null);

    public Task<IReadOnlyList<SessionListItem>> ForOperatorAsync(Guid operatorId) =>
        QueryAsync($"SELECT {Columns} FROM exam_session_projection s WHERE s.operator_id = @operatorId ORDER BY s.starts_at DESC", new { operatorId });

    public Task<IReadOnlyList<SessionListItem>> ForCandidateAsync(Guid personId) =>
        QueryAsync(
            $"""
            SELECT {Columns} FROM exam_session_projection s
            JOIN exam_roster_projection r ON r.session_id = s.id
            WHERE r.person_id = @personId ORDER BY s.starts_at DESC
            """,
            new { personId });

    public async Task<IReadOnlyList<AttemptRecordRow>> AttemptRecordAsync(string attempt)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<AttemptRecordRow>(
            "SELECT seq AS Seq, at AS AtUtc, actor AS Actor, kind AS Kind, data::text AS Data, reason AS Reason FROM attempt_event WHERE attempt = @attempt ORDER BY seq",
            new { attempt });
        return [.. rows];
    }

    private async Task<IReadOnlyList<SessionListItem>> QueryAsync(string sql, object? parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<SessionListItem>(sql, parameters)];
    }
}
