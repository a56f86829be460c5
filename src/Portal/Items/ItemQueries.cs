using Certification.Items;
using Dapper;
using Npgsql;

namespace Certification.Portal.Items;

public sealed record ItemListItem(string Id, int Version, string Outcome, string Criterion, ItemKind Kind, string Stem, bool Retired);

/// <summary>The item bank list and search, read from <c>item_projection</c>.</summary>
public sealed class ItemQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ItemListItem>> SearchAsync(string qualification, string? search, string? outcome, bool includeRetired)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<ItemListItem>(
            """
            SELECT id AS Id, version AS Version, outcome AS Outcome, criterion AS Criterion, kind::int AS Kind, stem AS Stem, retired AS Retired
            FROM item_projection
            WHERE qualification = @qualification
              AND (@search::text IS NULL OR (id || ' ' || stem) ILIKE '%' || @search || '%')
              AND (@outcome::text IS NULL OR outcome = @outcome)
              AND (@includeRetired OR NOT retired)
            ORDER BY id
            """,
            new { qualification, search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(), outcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome, includeRetired });
        return [.. rows];
    }
}
