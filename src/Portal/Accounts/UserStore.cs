using Dapper;
using Npgsql;

namespace Certification.Portal.Accounts;

/// <summary>Reads and writes <c>user_account</c>. Lockout counting is done in SQL so concurrent attempts cannot undercount.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns =
        """
        id AS Id, email AS Email, display_name AS DisplayName, password_hash AS PasswordHash, roles AS Roles,
        client_id AS ClientId, is_disabled AS IsDisabled, failed_sign_ins AS FailedSignIns,
        locked_until AS LockedUntil, security_stamp AS SecurityStamp, person_id AS PersonId,
        must_change_password AS MustChangePassword
        """;

    public async Task<UserAccount?> FindByEmailAsync(string email)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
            $"SELECT {Columns} FROM user_account WHERE normalized_email = @email", new { email = Normalize(email) });
        return row?.ToAccount();
    }

    public async Task<UserAccount?> FindByIdAsync(Guid id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>($"SELECT {Columns} FROM user_account WHERE id = @id", new { id });
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(string? search)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UserRow>(
            $"""
            SELECT {Columns} FROM user_account
            WHERE @search IS NULL OR email ILIKE '%' || @search || '%' OR display_name ILIKE '%' || @search || '%'
            ORDER BY display_name
            LIMIT 500
            """,
            new { search = string.IsNullOrWhiteSpace(search) ? null : search.Trim() });
        return [.. rows.Select(r => r.ToAccount())];
    }

    /// <summary>The accounts that act as these CRM people (a candidate's login), by person.</summary>
    public async Task<IReadOnlyDictionary<Guid, UserAccount>> ForPeopleAsync(IReadOnlyCollection<Guid> people)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UserRow>($"SELECT {Columns} FROM user_account WHERE person_id = ANY (@people)", new { people = people.ToArray() });
        return rows.Select(r => r.ToAccount()).GroupBy(a => a.PersonId!.Value).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>Enabled accounts holding a role, by name: e.g. the exam operators a session can be given to.</summary>
    public async Task<IReadOnlyList<UserAccount>> WithRoleAsync(string role)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UserRow>(
            $"SELECT {Columns} FROM user_account WHERE @role = ANY (roles) AND NOT is_disabled ORDER BY display_name", new { role });
        return [.. rows.Select(r => r.ToAccount())];
    }

    /// <summary>Creates an account; false when the e-mail is already used by another account.</summary>
    public async Task<bool> CreateAsync(Guid id, AccountDetails details, string passwordHash)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var now = clock.GetUtcNow();
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO user_account (id, email, normalized_email, display_name, password_hash, roles, client_id, person_id, is_disabled,
                                      must_change_password, security_stamp, created_at, updated_at)
            VALUES (@id, @email, @normalized, @name, @hash, @roles, @clientId, @personId, @disabled, @mustChange, @stamp, @now, @now)
            ON CONFLICT (normalized_email) DO NOTHING
            """,
            new
            {
                id,
                email = details.Email,
                normalized = Normalize(details.Email),
                name = details.DisplayName,
                hash = passwordHash,
                roles = details.Roles.ToArray(),
                clientId = details.ClientId,
                personId = details.PersonId,
                disabled = details.IsDisabled,
                mustChange = details.MustChangePassword,
                stamp = Guid.NewGuid(),
                now,
            });
        return inserted == 1;
    }

    /// <summary>Changes an account and its security stamp, which signs the user out everywhere; false when the e-mail is taken.</summary>
    public async Task<bool> UpdateAsync(Guid id, AccountDetails details, string? newPasswordHash)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        try
        {
            await connection.ExecuteAsync(
                """
                UPDATE user_account SET
                    email = @email, normalized_email = @normalized, display_name = @name, roles = @roles,
                    client_id = @clientId, person_id = @personId, is_disabled = @disabled,
                    password_hash = coalesce(@hash, password_hash),
                    must_change_password = CASE WHEN @hash IS NULL THEN must_change_password ELSE @mustChange END,
                    failed_sign_ins = CASE WHEN @hash IS NULL THEN failed_sign_ins ELSE 0 END,
                    locked_until = CASE WHEN @hash IS NULL THEN locked_until END,
                    security_stamp = @stamp, updated_at = @now
                WHERE id = @id
                """,
                new
                {
                    id,
                    email = details.Email,
                    normalized = Normalize(details.Email),
                    name = details.DisplayName,
                    roles = details.Roles.ToArray(),
                    clientId = details.ClientId,
                    personId = details.PersonId,
                    disabled = details.IsDisabled,
                    hash = newPasswordHash,
                    mustChange = details.MustChangePassword,
                    stamp = Guid.NewGuid(),
                    now = clock.GetUtcNow(),
                });
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>How many enabled accounts other than <paramref name="exceptId"/> hold a role.</summary>
    public async Task<int> CountActiveWithRoleAsync(string role, Guid exceptId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM user_account WHERE @role = ANY (roles) AND NOT is_disabled AND id <> @exceptId",
            new { role, exceptId });
    }

    /// <summary>Counts a failed attempt; the attempt that reaches the limit locks the account for a while.</summary>
    public async Task<DateTimeOffset?> RecordFailedSignInAsync(Guid id, int maxFailures, TimeSpan lockout)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var now = clock.GetUtcNow();
        var lockedUntil = await connection.ExecuteScalarAsync<DateTime?>(
            """
            UPDATE user_account SET
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @max THEN 0 ELSE failed_sign_ins + 1 END,
                locked_until = CASE WHEN failed_sign_ins + 1 >= @max THEN @until ELSE locked_until END
            WHERE id = @id
            RETURNING locked_until
            """,
            new { id, max = maxFailures, until = now + lockout });
        return lockedUntil is { } value && value > now.UtcDateTime ? new DateTimeOffset(value, TimeSpan.Zero) : null;
    }

    public async Task RecordSuccessfulSignInAsync(Guid id, string? rehashedPassword)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE user_account SET failed_sign_ins = 0, locked_until = NULL, password_hash = coalesce(@hash, password_hash)
            WHERE id = @id
            """,
            new { id, hash = rehashedPassword });
    }

    /// <summary>The user's own new password: the starting password is gone, and every other sign-in of theirs ends.</summary>
    public async Task ChangePasswordAsync(Guid id, string passwordHash)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE user_account SET password_hash = @passwordHash, must_change_password = false, failed_sign_ins = 0, locked_until = NULL,
                security_stamp = @stamp, updated_at = @now
            WHERE id = @id
            """,
            new { id, passwordHash, stamp = Guid.NewGuid(), now = clock.GetUtcNow() });
    }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    // Dapper materialises this by column name; timestamptz arrives as a UTC DateTime.
    private sealed class UserRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = string.Empty;
        public string DisplayName { get; init; } = string.Empty;
        public string PasswordHash { get; init; } = string.Empty;
        public string[] Roles { get; init; } = [];
        public Guid? ClientId { get; init; }
        public bool IsDisabled { get; init; }
        public int FailedSignIns { get; init; }
        public DateTime? LockedUntil { get; init; }
        public Guid SecurityStamp { get; init; }
        public Guid? PersonId { get; init; }
        public bool MustChangePassword { get; init; }

        public UserAccount ToAccount() => new(
            Id, Email, DisplayName, PasswordHash, Roles, ClientId, IsDisabled, FailedSignIns,
            LockedUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null,
            SecurityStamp,
            PersonId,
            MustChangePassword);
    }
}
