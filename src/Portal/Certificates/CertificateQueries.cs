using Certification.Certificates;
using Certification.Portal.Crm;
using Dapper;
using Npgsql;

namespace Certification.Portal.Certificates;

/// <summary>A certificate in a list: the register's columns and its standing.</summary>
public sealed record CertificateListItem
{
    public string Number { get; init; } = string.Empty;

    public Guid PersonId { get; init; }

    public Guid SessionId { get; init; }

    public string HolderName { get; init; } = string.Empty;

    public DateOnly? BirthDate { get; init; }

    public string Qualification { get; init; } = string.Empty;

    public string QualificationName { get; init; } = string.Empty;

    public string? QualificationNameEn { get; init; }

    /// <summary>The qualification's name in the reader's language (<c>pl</c> or <c>en</c>).</summary>
    public string QualificationNameIn(string language) => language == "en" && !string.IsNullOrEmpty(QualificationNameEn) ? QualificationNameEn : QualificationName;

    public int PrkLevel { get; init; }

    public string Institution { get; init; } = string.Empty;

    public DateOnly DecisionDate { get; init; }

    public DateOnly IssuedOn { get; init; }

    public DateOnly ValidUntil { get; init; }

    public int DocumentVersion { get; init; }

    public DateOnly? RenewedOn { get; init; }

    public DateTime? RevokedAtUtc { get; init; }

    public string? RevocationReason { get; init; }

    public DateTimeOffset? RevokedAt => RevokedAtUtc is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    public CertificateStanding StandingOn(DateOnly today) =>
        CertificateValidity.On(today, ValidUntil, DocumentVersion, RevokedAt is { } at ? Common.PolishDate.Of(at) : null);

    public string Slug => Number.Replace('/', '-');
}

/// <summary>A session some of whose positive decisions have no certificate yet.</summary>
public sealed record SessionMissingCertificates(Guid SessionId, string Title, DateTime StartsAtUtc, long Missing)
{
    public DateTimeOffset StartsAt => new(DateTime.SpecifyKind(StartsAtUtc, DateTimeKind.Utc));
}

/// <summary>Lists of certificates, read from the <c>certificate</c> projection.</summary>
public sealed class CertificateQueries(NpgsqlDataSource dataSource)
{
    public const int PageSize = 25;

    private const string Columns =
        """
        number AS Number, person_id AS PersonId, session_id AS SessionId, holder_name AS HolderName, birth_date AS BirthDate,
        qualification AS Qualification, qualification_name AS QualificationName, qualification_name_en AS QualificationNameEn, prk_level AS PrkLevel, institution AS Institution,
        decision_date AS DecisionDate, issued_on AS IssuedOn, valid_until AS ValidUntil, document_version AS DocumentVersion,
        renewed_on AS RenewedOn, revoked_at AS RevokedAtUtc, revocation_reason AS RevocationReason
        """;

    /// <summary>The holder's own certificates, newest first.</summary>
    public async Task<IReadOnlyList<CertificateListItem>> OfHolderAsync(Guid personId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<CertificateListItem>(
            $"SELECT {Columns} FROM certificate WHERE person_id = @personId ORDER BY issued_on DESC, number DESC", new { personId })];
    }

    public async Task<IReadOnlyList<CertificateListItem>> OfSessionAsync(Guid sessionId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<CertificateListItem>(
            $"SELECT {Columns} FROM certificate WHERE session_id = @sessionId ORDER BY holder_name, number", new { sessionId })];
    }

    /// <summary>Certificates whose number or holder's name contains <paramref name="search"/>, newest first.</summary>
    public async Task<Page<CertificateListItem>> SearchAsync(string? search, int pageNumber)
    {
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + Escape(search.Trim()) + "%";
        var number = Math.Max(1, pageNumber);
        await using var connection = await dataSource.OpenConnectionAsync();
        const string Where = "WHERE @pattern IS NULL OR number ILIKE @pattern OR holder_name ILIKE @pattern";
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM certificate {Where}", new { pattern });
        var items = await connection.QueryAsync<CertificateListItem>(
            $"SELECT {Columns} FROM certificate {Where} ORDER BY issued_on DESC, number DESC LIMIT @size OFFSET @offset",
            new { pattern, size = PageSize, offset = (number - 1) * PageSize });
        return new Page<CertificateListItem>([.. items], total, number, PageSize);
    }

    /// <summary>The register: every certificate issued from <paramref name="from"/> to <paramref name="to"/> inclusive, in number order.</summary>
    public async Task<IReadOnlyList<CertificateListItem>> IssuedAsync(DateOnly from, DateOnly to)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<CertificateListItem>(
            $"SELECT {Columns} FROM certificate WHERE issued_on BETWEEN @from AND @to ORDER BY issued_on, number", new { from, to })];
    }

    /// <summary>How many final positive decisions of the session have no certificate yet.</summary>
    public async Task<int> MissingInSessionAsync(Guid sessionId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            """
            SELECT count(*) FROM assessment_projection a
            WHERE a.session_id = @sessionId AND a.decision = @positive
              AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.session_id = a.session_id AND c.person_id = a.person_id)
            """,
            new { sessionId, positive = (int)Certification.Assessment.DecisionOutcome.Positive });
    }

    /// <summary>Sessions with final positive decisions that have no certificate yet: the bulk issue's work list.</summary>
    public async Task<IReadOnlyList<SessionMissingCertificates>> SessionsMissingAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<SessionMissingCertificates>(
            """
            SELECT a.session_id AS SessionId, s.title AS Title, s.starts_at AS StartsAtUtc, count(*) AS Missing
            FROM assessment_projection a JOIN exam_session_projection s ON s.id = a.session_id
            WHERE a.decision = @positive
              AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.session_id = a.session_id AND c.person_id = a.person_id)
            GROUP BY a.session_id, s.title, s.starts_at
            ORDER BY s.starts_at DESC
            """,
            new { positive = (int)Certification.Assessment.DecisionOutcome.Positive })];
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
