using Npgsql;

namespace Certification.CustomFields;

/// <summary>Writes an entity's custom-field values as rows that searches, lists and segments read.</summary>
public sealed class CustomFieldProjection(NpgsqlDataSource dataSource)
{
    public async Task WriteAsync(Guid entity, CustomValuesState state)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var version = new NpgsqlCommand(
            """
            INSERT INTO custom_value_version (entity_id, version) VALUES ($1, $2)
            ON CONFLICT (entity_id) DO UPDATE SET version = excluded.version WHERE custom_value_version.version < excluded.version
            """,
            connection,
            transaction))
        {
            version.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = entity });
            version.Parameters.Add(new NpgsqlParameter<int> { TypedValue = state.Version });
            if (await version.ExecuteNonQueryAsync() == 0)
            {
                // Already as new or newer: an older write never overwrites it.
                return;
            }
        }

        await using (var clear = new NpgsqlCommand("DELETE FROM custom_value WHERE entity_id = $1", connection, transaction))
        {
            clear.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = entity });
            await clear.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO custom_value (entity_id, entity_type, field_id, value) SELECT $1, $2, * FROM unnest($3::uuid[], $4::text[])",
            connection,
            transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = entity });
            insert.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)state.Entity });
            insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. state.Values.Keys] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. state.Values.Values] });
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
