using System.Data;
using System.Text.Json;
using Certification.CustomFields;
using Certification.Portal.Accounts;
using Dapper;
using Npgsql;

namespace Certification.Portal.Crm;

/// <summary>A search by one custom field: text fields match a part, other kinds the exact stored value.</summary>
public sealed record CustomFieldFilter(Guid FieldId, string Value, bool Partial);

/// <summary>Custom-field values for lists and details, read from the projection.</summary>
public sealed class CustomFieldQueries(NpgsqlDataSource dataSource, IGrainFactory grains)
{
    // Registered before any query can read the column: every query that has it took its SQL from ValuesColumn.
    static CustomFieldQueries() => SqlMapper.AddTypeHandler(new ValuesHandler());

    public Task<IReadOnlyList<CustomFieldDefinition>> FieldsAsync() => grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).GetAsync();

    public async Task<IReadOnlyList<CustomFieldDefinition>> FieldsOfAsync(CustomFieldEntity entity) =>
        [.. (await FieldsAsync()).Where(f => f.Entity == entity && f.Active)];

    /// <summary>Values by entity, then by field: of clients in the scope and of the people who work at them now.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<Guid, string>>> ValuesAsync(CrmScope scope, IEnumerable<Guid> entities)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid Entity, Guid Field, string Value)>(
            """
            SELECT v.entity_id, v.field_id, v.value FROM custom_value v
            WHERE v.entity_id = ANY (@ids)
              AND (@all OR v.entity_id = ANY (@clients)
                   OR EXISTS (SELECT 1 FROM person_projection p WHERE p.id = v.entity_id AND p.client_id = ANY (@clients)))
            """,
            new { ids = entities.Distinct().ToArray(), all = scope.AllClients, clients = scope.Clients.ToArray() });
        return rows.GroupBy(r => r.Entity).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<Guid, string>)g.ToDictionary(r => r.Field, r => r.Value));
    }

    /// <summary>The filter as stored values compare: the same normalisation as saving, so "tak" finds "true" and 1,5 finds 1.5.</summary>
    public static CustomFieldFilter? Normalize(CustomFieldDefinition? field, string? value)
    {
        if (field is null || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var (stored, _) = CustomFieldRules.Normalize(field with { Required = false }, value);
        var text = field.Type == CustomFieldType.Text;
        return new CustomFieldFilter(field.Id, text ? value.Trim() : stored ?? value.Trim(), text);
    }

    /// <summary>
    /// SQL for a column of a list query holding the row's values of the fields in the parameter <c>@columns</c> (uuid[]),
    /// by field id: a list shows its custom columns from its own query, not one more query per row. Read as
    /// <c>IReadOnlyDictionary&lt;Guid, string&gt;</c>.
    /// </summary>
    public static string ValuesColumn(string idColumn) =>
        $$"""
        coalesce((SELECT jsonb_object_agg(v.field_id, v.value) FROM custom_value v
                  WHERE v.entity_id = {{idColumn}} AND v.field_id = ANY (@columns)), '{}'::jsonb)
        """;

    /// <summary>SQL that keeps the rows of <paramref name="idColumn"/> matching the filter (parameters @fieldId, @fieldValue, @fieldText).</summary>
    public static string Clause(string idColumn) =>
        $"""
        (@fieldId::uuid IS NULL OR EXISTS (
            SELECT 1 FROM custom_value v WHERE v.entity_id = {idColumn} AND v.field_id = @fieldId
              AND (CASE WHEN @fieldText THEN v.value ILIKE '%' || @fieldValue || '%' ELSE v.value = @fieldValue END)))
        """;

    private sealed class ValuesHandler : SqlMapper.TypeHandler<IReadOnlyDictionary<Guid, string>>
    {
        public override IReadOnlyDictionary<Guid, string> Parse(object value) =>
            JsonSerializer.Deserialize<Dictionary<Guid, string>>((string)value) ?? [];

        public override void SetValue(IDbDataParameter parameter, IReadOnlyDictionary<Guid, string>? value) =>
            throw new NotSupportedException("Custom values are read from list queries, never passed to one.");
    }
}
