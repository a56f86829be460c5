using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Certification.Certificates;

/// <summary>A number reserved for a validation and the day of issue it was reserved on.</summary>
public sealed record ReservedNumber(CertificateNumber Number, DateOnly IssuedOn);

/// <summary>
/// Gives certificate numbers: one per validation (session and candidate), from a sequence per prefix and year kept in
/// PostgreSQL, signed with the institution's secret (see <see cref="CertificateNumber"/>). The secret is generated
/// once, in the database, by the first process that needs it, and cached.
/// </summary>
public sealed class CertificateNumbers(NpgsqlDataSource dataSource)
{
    private byte[]? _secret;

    /// <summary>
    /// The validation's number: the one reserved earlier, or the next of <paramref name="prefix"/> in the year of
    /// <paramref name="today"/>. The sequence and the reservation commit together, so numbers have no gaps and two
    /// issuers of the same validation, however they interleave, get the same number.
    /// </summary>
    public async Task<ReservedNumber> ReserveAsync(Guid sessionId, Guid personId, string prefix, DateOnly today)
    {
        var secret = await SecretAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        if (await ReservedAsync(connection, sessionId, personId) is { } reserved)
        {
            return reserved;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        var sequence = await connection.ExecuteScalarAsync<int>(
            """
            INSERT INTO certificate_sequence (prefix, year, last) VALUES (@prefix, @year, 1)
            ON CONFLICT (prefix, year) DO UPDATE SET last = certificate_sequence.last + 1
            RETURNING last
            """,
            new { prefix, year = today.Year }, transaction);
        var number = CertificateNumber.Create(prefix, today.Year, sequence, secret);
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO certificate_number (number, prefix, year, seq, session_id, person_id, issued_on)
            VALUES (@number, @prefix, @year, @sequence, @sessionId, @personId, @today)
            ON CONFLICT (session_id, person_id) DO NOTHING
            """,
            new { number = number.ToString(), prefix, year = today.Year, sequence, sessionId, personId, today }, transaction);
        if (inserted == 1)
        {
            await transaction.CommitAsync();
            return new ReservedNumber(number, today);
        }

        // Another issuer of the same validation reserved first: its number stands, ours goes back to the sequence.
        await transaction.RollbackAsync();
        return await ReservedAsync(connection, sessionId, personId) ?? throw new InvalidOperationException("A reservation that conflicted is gone.");
    }

    /// <summary>The institution's secret behind check characters, created on first use.</summary>
    public async Task<byte[]> SecretAsync()
    {
        if (_secret is { } known)
        {
            return known;
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO certificate_secret (id, secret, created_at) VALUES (1, @secret, now()) ON CONFLICT (id) DO NOTHING",
            new { secret = RandomNumberGenerator.GetBytes(32) });
        return _secret = await connection.ExecuteScalarAsync<byte[]>("SELECT secret FROM certificate_secret WHERE id = 1")
            ?? throw new InvalidOperationException("The certificate secret could not be stored.");
    }

    private static async Task<ReservedNumber?> ReservedAsync(NpgsqlConnection connection, Guid sessionId, Guid personId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Number, DateOnly IssuedOn)>(
            "SELECT number, issued_on FROM certificate_number WHERE session_id = @sessionId AND person_id = @personId", new { sessionId, personId });
        return row.Number is not null && CertificateNumber.TryParse(row.Number, out var number) ? new ReservedNumber(number, row.IssuedOn) : null;
    }
}
