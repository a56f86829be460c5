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

    public async Task UpsertPersonAsync(Guid id, PersonState state)
    {
        var details = state.Details!;
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO person_projection (id, version, first_name, last_name, email, phone, pesel, client_id, unit, position, created_at, updated_at)
            VALUES (@id, @version, @first_name, @last_name, @email, @phone, @pesel, @client_id, @unit, @position, @created_at, @updated_at)
            ON CONFLICT (id) DO UPDATE SET
                version = excluded.version, first_name = excluded.first_name, last_name = excluded.last_name,
                email = excluded.email, phone = excluded.phone, pesel = excluded.pesel, client_id = excluded.client_id,
                unit = excluded.unit, position = excluded.position, created_at = excluded.created_at, updated_at = excluded.updated_at
            WHERE person_projection.version <= excluded.version
            """);
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
        await command.ExecuteNonQueryAsync();
    }

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
