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
    /// <summary>
    /// The client's row, its caretakers and their changes in the contact history, in one transaction. The
    /// caretakers are replaced only with a state at least as new as the row's; an event is recorded once.
    /// </summary>
    public async Task UpsertClientAsync(Guid id, ClientState state)
    {
        var details = state.Details!;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO client_projection (id, version, name, kind, nip, regon, street, postal_code, city, units, created_at, updated_at)
            VALUES (@id, @version, @name, @kind, @nip, @regon, @street, @postal_code, @city, @units, @created_at, @updated_at)
            ON CONFLICT (id) DO UPDATE SET
                version = excluded.version, name = excluded.name, kind = excluded.kind, nip = excluded.nip,
                regon = excluded.regon, street = excluded.street, postal_code = excluded.postal_code,
                city = excluded.city, units = excluded.units, created_at = excluded.created_at, updated_at = excluded.updated_at
            WHERE client_projection.version <= excluded.version
            """,
            connection,
            transaction);
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
        if (await command.ExecuteNonQueryAsync() == 1)
        {
            await using var caretakers = new NpgsqlCommand(
                """
                DELETE FROM client_caretaker WHERE client_id = @id;
                INSERT INTO client_caretaker (client_id, account_id, since)
                SELECT @id, * FROM unnest(@account, @since);
                """,
                connection,
                transaction);
            caretakers.Parameters.AddWithValue("id", id);
            caretakers.Parameters.AddWithValue("account", state.Caretakers.Select(c => c.AccountId).ToArray());
            caretakers.Parameters.AddWithValue("since", state.Caretakers.Select(c => c.Since).ToArray());
            await caretakers.ExecuteNonQueryAsync();
        }

        var events = state.CaretakerEvents;
        if (events.Count > 0)
        {
            await using var contact = new NpgsqlCommand(
                """
                INSERT INTO contact_event (source_id, source_seq, at, person_id, client_id, kind, subject_type, subject_id, subject_title, actor)
                SELECT @id, e.seq, e.at, NULL, @id, e.kind, 'account', e.account, e.name, e.actor
                FROM unnest(@seq, @at, @kind, @account, @name, @actor) AS e (seq, at, kind, account, name, actor)
                ON CONFLICT (source_id, source_seq) DO NOTHING
                """,
                connection,
                transaction);
            contact.Parameters.AddWithValue("id", id);
            contact.Parameters.AddWithValue("seq", events.Select(e => e.Seq).ToArray());
            contact.Parameters.AddWithValue("at", events.Select(e => e.At).ToArray());
            contact.Parameters.AddWithValue("kind", events.Select(e => e.Assigned ? "caretaker.assigned" : "caretaker.removed").ToArray());
            contact.Parameters.AddWithValue("account", events.Select(e => e.AccountId).ToArray());
            contact.Parameters.AddWithValue("name", events.Select(e => e.AccountName).ToArray());
            contact.Parameters.AddWithValue("actor", events.Select(e => e.Actor).ToArray());
            await contact.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// The person's row, their employment history and its events in the contact history, in one transaction.
    /// The history is replaced only with a state at least as new as the row's; an event is recorded once.
    /// </summary>
    public async Task UpsertPersonAsync(Guid id, PersonState state)
    {
        if (state.MergedInto is { } tombstone)
        {
            await WriteTombstoneAsync(id, tombstone);
            return;
        }

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
                INSERT INTO employment_projection (person_id, origin_id, seq, client_id, unit, position, from_date, until_date)
                SELECT @id, * FROM unnest(@origin, @seq, @client, @unit, @position, @from, @until);
                """,
                connection,
                transaction);
            var records = state.Employments.Concat(state.MergedEmployments).ToList();
            history.Parameters.AddWithValue("id", id);
            history.Parameters.AddWithValue("origin", records.Select(r => r.Origin ?? id).ToArray());
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

        if (state.Merges.Count > 0)
        {
            // One entry per merge, named by the merge's id: the absorbed record's own entries keep their ids and are
            // shown in this person's history through person_merge.
            await using var merges = new NpgsqlCommand(
                """
                INSERT INTO contact_event (source_id, source_seq, at, person_id, kind, subject_type, subject_id, subject_title, detail, actor)
                SELECT m.merge, 1, m.at, @id, 'person.merged', 'person', m.absorbed, m.name, m.detail, m.actor
                FROM unnest(@merge, @at, @absorbed, @name, @detail, @actor) AS m (merge, at, absorbed, name, detail, actor)
                ON CONFLICT (source_id, source_seq) DO NOTHING
                """,
                connection,
                transaction);
            merges.Parameters.AddWithValue("id", id);
            merges.Parameters.AddWithValue("merge", state.Merges.Select(m => m.MergeId).ToArray());
            merges.Parameters.AddWithValue("at", state.Merges.Select(m => m.At).ToArray());
            merges.Parameters.AddWithValue("absorbed", state.Merges.Select(m => m.AbsorbedId).ToArray());
            merges.Parameters.AddWithValue("name", state.Merges.Select(m => m.AbsorbedName).ToArray());
            merges.Parameters.AddWithValue("detail", state.Merges.Select(MergeDetail).ToArray());
            merges.Parameters.AddWithValue("actor", state.Merges.Select(m => m.Actor).ToArray());
            await merges.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// A merged record leaves the lists, searches, segments and duplicate checks (they read person_projection) and
    /// is recorded as absorbed, which redirects its page and joins its contact history to the survivor's.
    /// </summary>
    private async Task WriteTombstoneAsync(Guid id, PersonTombstone tombstone)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM person_projection WHERE id = @id;
            DELETE FROM employment_projection WHERE person_id = @id;
            INSERT INTO person_merge (absorbed_id, survivor_id, merge_id, merged_at, actor)
            VALUES (@id, @survivor, @merge, @at, @actor)
            ON CONFLICT (absorbed_id) DO NOTHING;
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("survivor", tombstone.SurvivorId);
        command.Parameters.AddWithValue("merge", tombstone.MergeId);
        command.Parameters.AddWithValue("at", tombstone.At);
        command.Parameters.AddWithValue("actor", tombstone.Actor);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The values taken from the absorbed record: person fields by their stable names, custom fields by label after "custom:".</summary>
    private static string MergeDetail(PersonMergeRecord merge) =>
        string.Join(",", merge.FromAbsorbed.Concat(merge.CustomFieldsFromAbsorbed.Select(label => "custom:" + label.Replace(",", " ", StringComparison.Ordinal))));

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
