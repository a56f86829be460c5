using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Certification.Crm;
using Certification.Exams;
using Dapper;
using Microsoft.AspNetCore.Authentication.Cookies;
using Npgsql;

namespace Certification.Portal.Accounts;

public enum AccessCodeStatus
{
    Succeeded,
    Invalid,
    SessionClosed,
    TestSubmitted,
}

public sealed record AccessCodeSignIn(AccessCodeStatus Status, ClaimsPrincipal? Principal = null);

/// <summary>A code as it was issued, shown once to whoever hands it to the candidate.</summary>
public sealed record IssuedAccessCode(Guid PersonId, string Code);

/// <summary>
/// One-time access codes: a candidate without an account signs in to one sitting with a code handed
/// out in the room. A code opens only its own test, works while the sitting is not closed and the test
/// not submitted, and dies when a new code is issued for the same candidate.
/// </summary>
/// <remarks>
/// Codes are looked up by a SHA-256 of their text rather than hashed with the password hasher: the
/// candidate types the code alone, so there is no account to find a salt by, and 50 random bits are
/// beyond guessing at the rate the sign-in page accepts attempts, unlike a password a person chose.
/// </remarks>
public sealed class AccessCodes(NpgsqlDataSource dataSource, IGrainFactory grains, TimeProvider clock)
{
    // No 0/O or 1/I: codes are read from a slip of paper and typed by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 10;

    public const string NotOnRoster = "access_code.not_on_roster";

    /// <summary>Issues a fresh code to each of these candidates of the session, replacing their earlier codes.</summary>
    public async Task<(IReadOnlyList<IssuedAccessCode> Codes, string? Error)> IssueAsync(Guid sessionId, IReadOnlyCollection<Guid> people, Guid issuedBy)
    {
        var session = await grains.GetGrain<IExamSessionGrain>(sessionId).GetAsync();
        if (session is null)
        {
            return ([], Common.ErrorCodes.NotFound);
        }

        if (session.Status == SessionStatus.Closed)
        {
            return ([], ExamSessionGrain.Closed);
        }

        if (people.Count == 0 || people.Any(p => !session.Roster.Contains(p)))
        {
            return ([], NotOnRoster);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var issued = people.Select(p => new IssuedAccessCode(p, Generate())).ToList();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "UPDATE exam_access_code SET revoked_at = @now WHERE session_id = @sessionId AND person_id = ANY (@people) AND revoked_at IS NULL",
            new { now, sessionId, people = people.ToArray() }, transaction);
        foreach (var code in issued)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO exam_access_code (id, session_id, person_id, code_hash, issued_at, issued_by)
                VALUES (@id, @sessionId, @personId, @hash, @now, @issuedBy)
                """,
                new { id = Guid.NewGuid(), sessionId, personId = code.PersonId, hash = Hash(code.Code), now, issuedBy }, transaction);
        }

        await transaction.CommitAsync();
        return (issued, null);
    }

    /// <summary>When each candidate of the session got their code still in force.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTime>> ActiveAsync(Guid sessionId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid Person, DateTime IssuedAt)>(
            "SELECT person_id, issued_at FROM exam_access_code WHERE session_id = @sessionId AND revoked_at IS NULL", new { sessionId });
        return rows.ToDictionary(r => r.Person, r => r.IssuedAt);
    }

    public async Task<AccessCodeSignIn> SignInAsync(string code)
    {
        var row = await FindActiveAsync(Hash(Normalize(code)));
        if (row is null)
        {
            return new AccessCodeSignIn(AccessCodeStatus.Invalid);
        }

        var status = await StatusAsync(row);
        if (status != AccessCodeStatus.Succeeded)
        {
            return new AccessCodeSignIn(status);
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE exam_access_code SET last_used_at = @now WHERE id = @id", new { now = clock.GetUtcNow().UtcDateTime, row.Id });
        }

        var person = (await grains.GetGrain<IPersonGrain>(row.PersonId).GetAsync())?.Details;
        var displayName = person is null ? string.Empty : $"{person.FirstName} {person.LastName}";

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, row.Id.ToString()),
            new(ClaimTypes.Name, displayName),
            new(ClaimTypes.Role, Roles.Candidate),
            new(PortalClaims.PersonId, row.PersonId.ToString()),
            new(PortalClaims.SessionId, row.SessionId.ToString()),
            new(PortalClaims.AccessCode, row.Id.ToString()),
        ];
        return new AccessCodeSignIn(AccessCodeStatus.Succeeded, new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }

    /// <summary>A sign-in by code lasts while its code is in force and its sitting is not closed.</summary>
    public async Task<bool> IsInForceAsync(Guid codeId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<CodeRow>(
            "SELECT id AS Id, session_id AS SessionId, person_id AS PersonId FROM exam_access_code WHERE id = @codeId AND revoked_at IS NULL", new { codeId });
        return row is not null && (await grains.GetGrain<IExamSessionGrain>(row.SessionId).GetAsync())?.Status is SessionStatus.Scheduled or SessionStatus.Open;
    }

    /// <summary>The candidate a code belongs to, for naming the actor of an audit record.</summary>
    public async Task<Guid?> HolderAsync(Guid codeId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Guid?>("SELECT person_id FROM exam_access_code WHERE id = @codeId", new { codeId });
    }

    /// <summary>Upper case, without the spaces and dashes people type between the groups.</summary>
    public static string Normalize(string? code) =>
        new([.. (code ?? string.Empty).ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    /// <summary>Five and five characters, as printed on the slip.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..5]}-{code[5..]}" : code;

    private static string Generate() => Format(RandomNumberGenerator.GetString(Alphabet, Length));

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code)));

    private async Task<CodeRow?> FindActiveAsync(byte[] hash)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<CodeRow>(
            "SELECT id AS Id, session_id AS SessionId, person_id AS PersonId FROM exam_access_code WHERE code_hash = @hash AND revoked_at IS NULL",
            new { hash });
    }

    private async Task<AccessCodeStatus> StatusAsync(CodeRow row)
    {
        var session = await grains.GetGrain<IExamSessionGrain>(row.SessionId).GetAsync();
        if (session is null || session.Status == SessionStatus.Closed || !session.Roster.Contains(row.PersonId))
        {
            return AccessCodeStatus.SessionClosed;
        }

        var attempt = await grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(row.SessionId, row.PersonId)).GetBoardRowAsync();
        return attempt?.Status == AttemptStatus.Submitted ? AccessCodeStatus.TestSubmitted : AccessCodeStatus.Succeeded;
    }

    private sealed record CodeRow(Guid Id, Guid SessionId, Guid PersonId);
}
