using Certification.Certificates.Renewal;
using Dapper;
using Npgsql;

namespace Certification.Portal.Certificates;

/// <summary>A renewal request as lists show it (from <c>certificate_renewal</c>).</summary>
public sealed record RenewalListItem
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public Guid PersonId { get; init; }

    public string HolderName { get; init; } = string.Empty;

    public RenewalStatus Status { get; init; }

    public DateTime SubmittedAt { get; init; }

    public int CountedDays { get; init; }

    public string? Reasons { get; init; }

    public DateOnly? ValidUntil { get; init; }
}

/// <summary>An uploaded evidence document with what decides who may download it.</summary>
public sealed record RenewalEvidenceFile
{
    public string Number { get; init; } = string.Empty;

    public Guid PersonId { get; init; }

    public string FileName { get; init; } = string.Empty;

    public string ContentType { get; init; } = string.Empty;

    public byte[] Content { get; init; } = [];
}

/// <summary>Reads renewal requests for the reviewer's list, the holder's certificates and evidence downloads.</summary>
public sealed class RenewalQueries(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id AS Id, number AS Number, person_id AS PersonId, holder_name AS HolderName, status AS Status, submitted_at AS SubmittedAt, " +
        "counted_days AS CountedDays, reasons AS Reasons, valid_until AS ValidUntil";

    public async Task<IReadOnlyList<RenewalListItem>> OpenAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<RenewalListItem>($"SELECT {Columns} FROM certificate_renewal WHERE status = 0 ORDER BY submitted_at")];
    }

    /// <summary>The latest request of each of the person's certificates, by number.</summary>
    public async Task<IReadOnlyDictionary<string, RenewalListItem>> LatestOfHolderAsync(Guid personId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<RenewalListItem>(
            $"SELECT DISTINCT ON (number) {Columns} FROM certificate_renewal WHERE person_id = @personId ORDER BY number, submitted_at DESC", new { personId });
        return rows.ToDictionary(r => r.Number, StringComparer.Ordinal);
    }

    public async Task<RenewalListItem?> FindAsync(Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<RenewalListItem>($"SELECT {Columns} FROM certificate_renewal WHERE id = @id", new { id });
    }

    public async Task<RenewalEvidenceFile?> EvidenceAsync(Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<RenewalEvidenceFile>(
            """
            SELECT r.number AS Number, r.person_id AS PersonId, e.file_name AS FileName, e.content_type AS ContentType, e.content AS Content
            FROM certificate_renewal_evidence e JOIN certificate_renewal r ON r.id = e.renewal_id
            WHERE e.id = @id
            """,
            new { id });
    }
}
