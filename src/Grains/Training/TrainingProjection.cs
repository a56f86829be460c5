using Certification.Common;
using Certification.Mail;
using Npgsql;
using NpgsqlTypes;

namespace Certification.Training;

/// <summary>
/// Writes what lists, the calendar, the extranet and contact histories read about training orders:
/// one row per order, one per enrolment, and one contact-history entry per event that concerns a
/// person. An older state never overwrites a newer one, and an event is recorded once however often
/// it is written, so a replay after a crash is harmless. The mail an event sends is queued in the
/// same transaction as its history entry: once, and only if the entry is kept.
/// </summary>
public sealed class TrainingProjection(NpgsqlDataSource dataSource, IMailOutbox outbox, Institution institution)
{
    public async Task WriteAsync(Guid id, TrainingOrderState state, IReadOnlyList<OrderEvent> events, TrainingLocation? location)
    {
        var details = state.Details!;
        var phase = state.CurrentPhase();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await using var order = new NpgsqlCommand(
            """
            INSERT INTO training_order_projection (id, version, type_id, type_name, title, phase, phase_name, published, enrolment_open,
                first_day, last_day, starts_at, hours, location_id, trainer_id, price, capacity, enrolled, waiting, visibility, visible_to, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
            ON CONFLICT (id) DO UPDATE SET
                version = excluded.version, type_id = excluded.type_id, type_name = excluded.type_name, title = excluded.title,
                phase = excluded.phase, phase_name = excluded.phase_name, published = excluded.published,
                enrolment_open = excluded.enrolment_open, first_day = excluded.first_day, last_day = excluded.last_day,
                starts_at = excluded.starts_at, hours = excluded.hours, location_id = excluded.location_id,
                trainer_id = excluded.trainer_id, price = excluded.price, capacity = excluded.capacity,
                enrolled = excluded.enrolled, waiting = excluded.waiting, visibility = excluded.visibility,
                visible_to = excluded.visible_to, updated_at = excluded.updated_at
            WHERE training_order_projection.version < excluded.version
            """,
            connection,
            transaction);
        var first = details.Meetings[0];
        AddParameters(
            order,
            id,
            state.Version,
            state.Type!.Id,
            state.Type.Name,
            details.Title,
            phase.Id,
            phase.Name,
            phase.Published,
            phase.Published && phase.Enrolment,
            first.Date,
            details.Meetings[^1].Date,
            first.Date.ToDateTime(first.From),
            details.Hours(),
            details.LocationId,
            (object?)details.TrainerId ?? DBNull.Value,
            details.PricePerParticipant,
            details.Capacity,
            state.EnrolledCount(),
            state.Enrolments.Count(e => e.Status == EnrolmentStatus.Waiting),
            (short)details.Visibility,
            details.VisibleToClients.ToArray(),
            state.UpdatedAt);
        var newer = await order.ExecuteNonQueryAsync() == 1;

        if (newer)
        {
            await using var clear = new NpgsqlCommand("DELETE FROM training_enrolment_projection WHERE order_id = $1", connection, transaction);
            clear.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            await clear.ExecuteNonQueryAsync();

            await using var enrolments = new NpgsqlCommand(
                """
                INSERT INTO training_enrolment_projection (order_id, person_id, client_id, status, source, since, attended, attendance_percent, certificate)
                SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::smallint[], $5::smallint[], $6::timestamptz[], $7::text[], $8::numeric[], $9::boolean[])
                """,
                connection,
                transaction);
            var list = state.Enrolments;
            AddParameters(
                enrolments,
                id,
                list.Select(e => e.PersonId).ToArray(),
                list.Select(e => e.ClientId).ToArray(),
                list.Select(e => (short)e.Status).ToArray(),
                list.Select(e => (short)e.Source).ToArray(),
                list.Select(e => e.Since).ToArray(),
                // Days as text: an array of date arrays is not a PostgreSQL type; the column parses them back.
                list.Select(e => string.Join(',', e.Attended.Order().Select(d => d.ToString("yyyy-MM-dd")))).ToArray(),
                list.Select(e => TrainingOrderRules.AttendancePercent(details, e)).ToArray(),
                list.Select(e => TrainingOrderRules.EarnsCertificate(details, e)).ToArray());
            await enrolments.ExecuteNonQueryAsync();

            await using var certificates = new NpgsqlCommand(
                """
                INSERT INTO training_certificate (code, order_id, person_id, number, issued_on)
                SELECT c.code, $1, c.person_id, c.number, c.issued_on
                FROM unnest($2::text[], $3::uuid[], $4::text[], $5::date[]) AS c (code, person_id, number, issued_on)
                ON CONFLICT (code) DO UPDATE SET person_id = excluded.person_id
                WHERE training_certificate.person_id <> excluded.person_id
                """,
                connection,
                transaction);
            AddParameters(
                certificates,
                id,
                state.Certificates.Select(c => c.Code).ToArray(),
                state.Certificates.Select(c => c.PersonId).ToArray(),
                state.Certificates.Select(c => c.Number).ToArray(),
                state.Certificates.Select(c => c.IssuedOn).ToArray());
            await certificates.ExecuteNonQueryAsync();
        }

        var concerning = events.Where(e => e.PersonId is not null).ToList();
        if (concerning.Count > 0)
        {
            await using var history = new NpgsqlCommand(
                """
                INSERT INTO contact_event (source_id, source_seq, at, person_id, client_id, kind, subject_type, subject_id, subject_title, detail, actor)
                SELECT $1, seq, at, person_id, client_id, kind, 'training_order', $1, $2, detail, actor
                FROM unnest($3::int[], $4::timestamptz[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[])
                    AS e (seq, at, person_id, client_id, kind, detail, actor)
                ON CONFLICT (source_id, source_seq) DO NOTHING
                RETURNING source_seq
                """,
                connection,
                transaction);
            AddParameters(
                history,
                id,
                details.Title,
                concerning.Select(e => e.Seq).ToArray(),
                concerning.Select(e => e.At).ToArray(),
                concerning.Select(e => e.PersonId!.Value).ToArray(),
                concerning.Select(e => state.EnrolmentOf(e.PersonId!.Value)?.ClientId).ToArray(),
                concerning.Select(e => "order." + e.Kind.ToString().ToLowerInvariant()).ToArray(),
                concerning.Select(e => e.Detail).ToArray(),
                concerning.Select(e => e.Actor).ToArray());
            var recorded = new HashSet<int>();
            await using (var reader = await history.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    recorded.Add(reader.GetInt32(0));
                }
            }

            await QueueMailsAsync(id, state, location, [.. concerning.Where(e => recorded.Contains(e.Seq))], connection, transaction);
        }

        await transaction.CommitAsync();
    }

    private async Task QueueMailsAsync(
        Guid id, TrainingOrderState state, TrainingLocation? location, IReadOnlyList<OrderEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (events.Count == 0)
        {
            return;
        }

        var people = new Dictionary<Guid, MailPerson>();
        await using (var read = new NpgsqlCommand(
            """
            SELECT p.id, p.first_name, p.last_name, p.email,
                   CASE WHEN c.marketing AND NOT c.unsubscribed THEN c.unsubscribe_token END
            FROM person_projection p LEFT JOIN person_consent c ON c.person_id = p.id
            WHERE p.id = ANY ($1)
            """,
            connection,
            transaction))
        {
            read.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.PersonId!.Value).Distinct()] });
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var person = new MailPerson(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                people[person.Id] = person;
            }
        }

        foreach (var @event in events)
        {
            if (people.TryGetValue(@event.PersonId!.Value, out var person) && TrainingMails.For(id, @event, state, location, person, institution) is { } mail)
            {
                await outbox.EnqueueAsync(mail, transaction);
            }
        }
    }

    private static void AddParameters(NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                DateOnly date => new NpgsqlParameter { Value = date, NpgsqlDbType = NpgsqlDbType.Date },
                _ => new NpgsqlParameter { Value = value ?? DBNull.Value },
            });
        }
    }
}
