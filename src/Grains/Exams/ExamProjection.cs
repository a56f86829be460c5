using Npgsql;
using NpgsqlTypes;

namespace Certification.Exams;

/// <summary>The rows that session lists and a candidate's home page read, written by <see cref="ExamSessionGrain"/>.</summary>
public sealed class ExamProjection(NpgsqlDataSource dataSource)
{
    public async Task UpsertSessionAsync(Guid id, ExamSessionState state)
    {
        var details = state.Details!;
        await using var batch = dataSource.CreateBatch();
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO exam_session_projection (id, version, qualification, title, starts_at, location, operator_id, status, candidates, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (id) DO UPDATE SET
                version = excluded.version, qualification = excluded.qualification, title = excluded.title, starts_at = excluded.starts_at,
                location = excluded.location, operator_id = excluded.operator_id, status = excluded.status,
                candidates = excluded.candidates, updated_at = excluded.updated_at
            WHERE exam_session_projection.version <= excluded.version
            """);
        upsert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = state.Version });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = details.Qualification });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = details.Title });
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = details.StartsAt });
        upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = details.Room, NpgsqlDbType = NpgsqlDbType.Text });
        upsert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = details.OperatorId });
        upsert.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)state.Status });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = state.Roster.Count });
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = state.UpdatedAt });
        batch.BatchCommands.Add(upsert);

        var roster = new NpgsqlBatchCommand(
            """
            DELETE FROM exam_roster_projection WHERE session_id = $1 AND NOT (person_id = ANY ($2));
            """);
        roster.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        roster.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. state.Roster] });
        batch.BatchCommands.Add(roster);

        var add = new NpgsqlBatchCommand(
            "INSERT INTO exam_roster_projection (session_id, person_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING");
        add.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        add.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. state.Roster] });
        batch.BatchCommands.Add(add);
        await batch.ExecuteNonQueryAsync();
    }
}
