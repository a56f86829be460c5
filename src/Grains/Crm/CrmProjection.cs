using Npgsql;
using NpgsqlTypes;

namespace Certification.Crm;

/// <summary>
/// Keeps the relational rows that CRM lists and searches read, one per client and per person.
/// Each row carries the version of the grain state it was written from, and an older version
/// never overwrites a newer one, so replays and rebuilds are safe in any order.
/// </summary>
public sealed class CrmProjection(NpgsqlDataSource dataSource)
{
    public async Task UpsertClientAsync(Guid id, ClientState state)
    {
        var details = state.Details!;
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO client_projection (id, version, name, kind, nip, regon, street, postal_code, city, units, created_at, updated_at)
            VALUES (@id, @version, @name, @kind, @nip, @regon, @street, @postal_code, @city, @units, @created_at, @updated_at)
            ON CONFLICT (id) DO UPDATE SET
                version = excluded.version, name = excluded.name, kind = excluded.kind, nip = excluded.nip,
                regon = excluded.regon, street = excluded.street, postal_code = excluded.postal_code,
                city = excluded.city, units = excluded.units, created_at = excluded.created_at, updated_at = excluded.updated_at
            WHERE client_projection.version <= excluded.version
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("version", state.Version);
        command.Parameters.AddWithValue("name", details.Name);
        command.Parameters.AddWithValue("kind", (short)details.Kind);
        command.Parameters.Add(Text("nip", details.Nip));
        command.Parameters.Add(Text("regon", details.Regon));
        command.Parameters.Add(Text("street", details.Address.Street));
        command.Parameters.Add(Text("postal_code", details.Address.PostalCode));
        command.Parameters.Add(Text("city", details.Address.City));
        command.Parameters.AddWithValue("units", details.Units.ToArray());
        command.Parameters.AddWithValue("created_at", state.CreatedAt);
        command.Parameters.AddWithValue("updated_at", state.UpdatedAt);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The person's row, their employment history and its events in the contact history, in one transaction.
    /// The history is replaced only with a state at least as new as the row's; an event is recorded once.
    /// </summary>
    public async Task UpsertPersonAsync(Guid id, PersonState state)
    {
        var details = state.Details!;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO person_projection (id, version, first_name, last_name, email, phone, pesel, client_id, unit, position, created_at, updated_at)
            VALUES (@id, @version, @first_name, @last_name, @email, @phone, @pesel, @client_id, @unit, @position, @created_at, @updated_at)
            ON CONFLICT (id) DO UPDATE SET
                version = excluded.version, first_name = excluded.first_name, last_name = excluded.last_name,
                email = excluded.email, phone = excluded.phone, pesel = excluded.pesel, client_id = excluded.client_id,
                unit = excluded.unit, position = excluded.position, created_at = excluded.created_at, updated_at = excluded.updated_at
            WHERE person_projection.version <= excluded.version
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("version", state.Version);
        command.Parameters.AddWithValue("first_name", details.FirstName);
        command.Parameters.AddWithValue("last_name", details.LastName);
        command.Parameters.Add(Text("email", details.Email));
        command.Parameters.Add(Text("phone", details.Phone));
        command.Parameters.Add(Text("pesel", details.Pesel));
        command.Parameters.Add(new NpgsqlParameter<Guid?>("client_id", NpgsqlDbType.Uuid) { TypedValue = details.ClientId });
        command.Parameters.Add(Text("unit", details.Unit));
        command.Parameters.Add(Text("position", details.Position));
        command.Parameters.AddWithValue("created_at", state.CreatedAt);
        command.Parameters.AddWithValue("updated_at", state.UpdatedAt);
        if (await command.ExecuteNonQueryAsync() == 1)
        {
            await using var history = new NpgsqlCommand(
                """
                DELETE FROM employment_projection WHERE person_id = @id;
                INSERT INTO employment_projection (person_id, seq, client_id, unit, position, from_date, until_date)
                SELECT @id, * FROM unnest(@seq, @client, @unit, @position, @from, @until);
                """,
                connection,
                transaction);
            var records = state.Employments;
            history.Parameters.AddWithValue("id", id);
            history.Parameters.AddWithValue("seq", records.Select(r => r.Seq).ToArray());
            history.Parameters.AddWithValue("client", records.Select(r => r.ClientId).ToArray());
            history.Parameters.Add(new NpgsqlParameter<string?[]>("unit", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.Unit)] });
            history.Parameters.Add(new NpgsqlParameter<string?[]>("position", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. records.Select(r => r.Position)] });
            history.Parameters.AddWithValue("from", records.Select(r => r.From).ToArray());
            history.Parameters.Add(new NpgsqlParameter<DateOnly?[]>("until", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. records.Select(r => r.Until)] });
            await history.ExecuteNonQueryAsync();
        }

        var events = state.EmploymentEvents;
        if (events.Count > 0)
        {
            await using var contact = new NpgsqlCommand(
                """
                INSERT INTO contact_event (source_id, source_seq, at, person_id, client_id, kind, subject_type, subject_id, subject_title, detail, actor)
                SELECT @id, e.seq, e.at, @id, e.client, e.kind, 'client', e.client, e.name, e.detail, e.actor
                FROM unnest(@seq, @at, @client, @kind, @name, @detail, @actor) AS e (seq, at, client, kind, name, detail, actor)
                ON CONFLICT (source_id, source_seq) DO NOTHING
                """,
                connection,
                transaction);
            contact.Parameters.AddWithValue("id", id);
            contact.Parameters.AddWithValue("seq", events.Select(e => e.Seq).ToArray());
            contact.Parameters.AddWithValue("at", events.Select(e => e.At).ToArray());
            contact.Parameters.AddWithValue("client", events.Select(e => e.ClientId).ToArray());
            contact.Parameters.AddWithValue("kind", events.Select(e => "employment." + e.Kind.ToString().ToLowerInvariant()).ToArray());
            contact.Parameters.AddWithValue("name", events.Select(e => e.ClientName).ToArray());
            contact.Parameters.AddWithValue("detail", events.Select(Detail).ToArray());
            contact.Parameters.AddWithValue("actor", events.Select(e => e.Actor).ToArray());
            await contact.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Who, where and from (or until) when: the day in ISO form, which reads the same in every language.</summary>
    private static string Detail(EmploymentEvent e) =>
        string.Join(" · ", new[] { e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Position, e.Unit }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>The client that already holds a NIP, if any: a NIP identifies one organisation.</summary>
    public async Task<Guid?> FindClientByNipAsync(string nip)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM client_projection WHERE nip = @nip LIMIT 1");
        command.Parameters.AddWithValue("nip", nip);
        return await command.ExecuteScalarAsync() is Guid id ? id : null;
    }

    private static NpgsqlParameter<string?> Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { TypedValue = value };
}
