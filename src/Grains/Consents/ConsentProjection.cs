using Npgsql;

namespace Certification.Consents;

/// <summary>
/// Writes a person's current consents (what segments and the mail rules read) and each decision to
/// the shared contact history, once however often it is written.
/// </summary>
public sealed class ConsentProjection(NpgsqlDataSource dataSource)
{
    public async Task WriteAsync(Guid person, PersonConsentsState state)
    {
        var latest = state.Timeline().GroupBy(r => r.Purpose).ToDictionary(g => g.Key, g => g.Last().Given);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var current = new NpgsqlCommand(
            """
            INSERT INTO person_consent (person_id, marketing, registration_terms, unsubscribed, unsubscribe_token, decisions)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (person_id) DO UPDATE SET
                marketing = excluded.marketing, registration_terms = excluded.registration_terms,
                unsubscribed = excluded.unsubscribed, unsubscribe_token = excluded.unsubscribe_token, decisions = excluded.decisions
            WHERE person_consent.decisions <= excluded.decisions
            """,
            connection,
            transaction))
        {
            current.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = person });
            current.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = latest.GetValueOrDefault(ConsentPurpose.Marketing) });
            current.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = latest.GetValueOrDefault(ConsentPurpose.RegistrationTerms) });
            current.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = state.IsUnsubscribed() });
            current.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state.UnsubscribeToken! });
            current.Parameters.Add(new NpgsqlParameter<int> { TypedValue = state.Decisions() });
            await current.ExecuteNonQueryAsync();
        }

        await using (var history = new NpgsqlCommand(
            """
            INSERT INTO contact_event (source_id, source_seq, at, person_id, kind, subject_type, detail, actor)
            SELECT $1, seq, at, $2, kind, 'consent', detail, actor
            FROM unnest($3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[]) AS e (seq, at, kind, detail, actor)
            ON CONFLICT (source_id, source_seq) DO NOTHING
            """,
            connection,
            transaction))
        {
            var records = state.History;
            history.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = state.HistoryId });
            history.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = person });
            history.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. Enumerable.Range(1, records.Count)] });
            history.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. records.Select(r => r.At)] });
            history.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. records.Select(r => r.Given ? "consent.given" : "consent.withdrawn")] });
            history.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. records.Select(r => $"{r.Purpose}: {r.Source}")] });
            history.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. records.Select(r => r.Actor)] });
            await history.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
