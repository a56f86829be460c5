using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Certification.Common;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Certification.Certificates.Badges;

/// <summary>A published public key of the institution (P-256), and since when it no longer signs, if it was replaced.</summary>
public sealed record IssuerPublicKey(string Thumbprint, string X, string Y, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt)
{
    /// <summary>The key id in JWT headers: the address of this key as a JWK, as OB 3.0 wants a <c>kid</c> to be.</summary>
    public string KeyId(Institution institution) => institution.Link(OpenBadgePaths.Key(Thumbprint)).AbsoluteUri;

    /// <summary>The public JWK (RFC 7517/7518): coordinates only, never the private <c>d</c>.</summary>
    public JsonObject Jwk(Institution institution) => new()
    {
        ["kty"] = "EC",
        ["crv"] = "P-256",
        ["x"] = X,
        ["y"] = Y,
        ["kid"] = KeyId(institution),
        ["use"] = "sig",
        ["alg"] = SecurityAlgorithms.EcdsaSha256,
    };

    /// <summary>The key set a verifier needs: every key that ever signed, the active one first.</summary>
    public static JsonObject Jwks(IEnumerable<IssuerPublicKey> keys, Institution institution) =>
        new() { ["keys"] = new JsonArray([.. keys.Select(key => (JsonNode)key.Jwk(institution))]) };
}

/// <summary>The active signing key: its thumbprint and its private parameters (kept in this process only).</summary>
internal sealed record IssuerSigningKey(string Thumbprint, ECParameters Parameters);

/// <summary>
/// The institution's Open Badges signing keys in PostgreSQL (<c>issuer_key</c>, decision 15). The first key is
/// created when the first credential is signed; a rotation retires the active key and creates the next one,
/// and retired keys stay published so the credentials they signed still verify. The private key is stored as
/// PKCS#8, encrypted (AES-256, PBKDF2-SHA256) with <c>OpenBadges:SigningKeyPassword</c> when the host is given
/// one, so a copy of the database alone cannot sign; every process that signs needs the same password.
/// </summary>
public sealed class IssuerKeyStore(NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider clock, ILogger<IssuerKeyStore> logger)
{
    public const string PasswordSetting = "OpenBadges:SigningKeyPassword";

    // PBKDF2 work factor: the key is decrypted once per process and key, so it can be slow for a guesser.
    private static readonly PbeParameters Encryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 600_000);

    private readonly ConcurrentDictionary<string, ECParameters> _decrypted = new();

    /// <summary>Every key a verifier may need, the active one first, then the retired ones, newest first.</summary>
    public async Task<IReadOnlyList<IssuerPublicKey>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Thumbprint, string X, string Y, DateTime CreatedAt, DateTime? RetiredAt)>(
            new CommandDefinition(
                """
                SELECT thumbprint, public_x, public_y, created_at, retired_at FROM issuer_key
                ORDER BY retired_at IS NOT NULL, created_at DESC
                """,
                cancellationToken: cancellationToken));
        return [.. rows.Select(r => new IssuerPublicKey(r.Thumbprint, r.X, r.Y, Utc(r.CreatedAt), r.RetiredAt is { } retired ? Utc(retired) : null))];
    }

    /// <summary>Retires the active key (it stays published) and makes a new one active; answers the new key.</summary>
    public async Task<IssuerPublicKey> RotateAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var key = NewKey();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two rotations at once run one after the other, each retiring what the other created.
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE issuer_key IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE issuer_key SET retired_at = @now WHERE retired_at IS NULL", new { now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        await InsertAsync(connection, transaction, key, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Open Badges signing key {Thumbprint} is now active; the previous one is retired and still published", key.Public.Thumbprint);
        return key.Public;
    }

    /// <summary>The key that signs now, created on first use.</summary>
    internal async Task<IssuerSigningKey> ActiveAsync(CancellationToken cancellationToken = default)
    {
        var row = await ReadActiveAsync(cancellationToken);
        if (row is null)
        {
            await CreateFirstAsync(cancellationToken);
            row = await ReadActiveAsync(cancellationToken)
                ?? throw new InvalidOperationException("No active Open Badges signing key after creating one.");
        }

        return new IssuerSigningKey(row.Value.Thumbprint, _decrypted.GetOrAdd(row.Value.Thumbprint, _ => Decrypt(row.Value)));
    }

    private async Task<(string Thumbprint, byte[] PrivateKey, bool Encrypted)?> ReadActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Thumbprint, byte[] PrivateKey, bool Encrypted)>(new CommandDefinition(
            "SELECT thumbprint, private_key, private_key_encrypted FROM issuer_key WHERE retired_at IS NULL",
            cancellationToken: cancellationToken));
        return rows.Select(r => ((string, byte[], bool)?)r).SingleOrDefault();
    }

    private async Task CreateFirstAsync(CancellationToken cancellationToken)
    {
        var key = NewKey();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Another process creating its first key at the same moment wins or loses on the one-active index; either way one stays.
        if (await InsertAsync(connection, transaction, key, clock.GetUtcNow(), cancellationToken, onConflictDoNothing: true))
        {
            logger.LogInformation("Created the first Open Badges signing key {Thumbprint}", key.Public.Thumbprint);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewIssuerKey key, DateTimeOffset now, CancellationToken cancellationToken, bool onConflictDoNothing = false)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO issuer_key (thumbprint, public_x, public_y, private_key, private_key_encrypted, created_at)
            VALUES (@Thumbprint, @X, @Y, @PrivateKey, @Encrypted, @CreatedAt)
            """ + (onConflictDoNothing ? " ON CONFLICT DO NOTHING" : string.Empty),
            new { key.Public.Thumbprint, key.Public.X, key.Public.Y, key.PrivateKey, key.Encrypted, CreatedAt = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    private NewIssuerKey NewKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var x = Base64UrlEncoder.Encode(parameters.Q.X);
        var y = Base64UrlEncoder.Encode(parameters.Q.Y);
        var thumbprint = Base64UrlEncoder.Encode(new JsonWebKey { Kty = "EC", Crv = "P-256", X = x, Y = y }.ComputeJwkThumbprint());
        var password = Password();
        if (password is null)
        {
            logger.LogWarning(
                "The Open Badges signing key {Thumbprint} is stored without encryption: set {Setting} so that the database alone cannot sign",
                thumbprint,
                PasswordSetting);
        }

        var privateKey = password is null ? ecdsa.ExportPkcs8PrivateKey() : ecdsa.ExportEncryptedPkcs8PrivateKey(password, Encryption);
        return new NewIssuerKey(new IssuerPublicKey(thumbprint, x, y, default, null), privateKey, password is not null);
    }

    private ECParameters Decrypt((string Thumbprint, byte[] PrivateKey, bool Encrypted) row)
    {
        using var ecdsa = ECDsa.Create();
        if (!row.Encrypted)
        {
            ecdsa.ImportPkcs8PrivateKey(row.PrivateKey, out _);
            return ecdsa.ExportParameters(includePrivateParameters: true);
        }

        var password = Password() ?? throw new InvalidOperationException(
            $"The Open Badges signing key {row.Thumbprint} is encrypted: give this process the password in {PasswordSetting}.");
        try
        {
            ecdsa.ImportEncryptedPkcs8PrivateKey(password, row.PrivateKey, out _);
        }
        catch (CryptographicException error)
        {
            throw new InvalidOperationException($"{PasswordSetting} does not open the Open Badges signing key {row.Thumbprint}.", error);
        }

        return ecdsa.ExportParameters(includePrivateParameters: true);
    }

    private string? Password() => configuration[PasswordSetting] is { Length: > 0 } password ? password : null;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record NewIssuerKey(IssuerPublicKey Public, byte[] PrivateKey, bool Encrypted);
}
