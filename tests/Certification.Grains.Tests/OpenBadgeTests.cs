using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Certification.Certificates.Badges;
using Certification.Common;
using Certification.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Certification.Grains.Tests;

/// <summary>
/// Open Badges 3.0 credentials signed with the institution's key in PostgreSQL: they verify offline with the published
/// key set alone, and a changed payload or signature, another key, or a credential past its validity does not.
/// </summary>
public sealed class OpenBadgeTests
{
    private static readonly Institution Institution = new("Ośrodek Certyfikacji i Szkoleń CRM", new Uri("https://certyfikaty.example.pl/"));

    private static readonly BadgeQualification Crm = new(
        "CRM-PRK4",
        "Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM",
        "partial",
        4,
        5,
        [
            new BadgeOutcomeSet("1", "Budowanie bazy klientów", 4, [new BadgeOutcome("1.1", "Pozyskuje dane klientów"), new BadgeOutcome("1.3", "Zabezpiecza dane zgodnie z obowiązującymi przepisami")]),
            new BadgeOutcomeSet("2", "Prowadzenie procesu obsługi klienta z wykorzystaniem systemu CRM", 4, [new BadgeOutcome("2.5", "Zarządza szansą sprzedaży")]),
        ]);

    private static readonly BadgeCertificate Certificate = new(
        "CRM/2026/000123-K",
        Guid.Parse("6f1d2c3b-4a59-4e8f-9d7a-0b1c2d3e4f50"),
        "Zażółć Gęślą-Jaźń Łukasiewicz",
        Crm,
        new DateOnly(2026, 3, 2),
        new DateOnly(2031, 3, 2),
        new Uri("https://certyfikaty.example.pl/verify/CRM-2026-000123-K"));

    // Noon in Poland on a day within the validity.
    private static readonly DateTimeOffset During = new(2028, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task A_credential_verifies_offline_with_only_the_published_key_set()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Store(database);
        var jwt = await new OpenBadgeSigner(keys, Institution).SignAsync(Certificate);

        var jwks = await JwksAsync(keys);
        var verification = await new OpenBadgeVerifier(jwks).VerifyAsync(jwt, During);

        Assert.True(verification.IsValid, verification.Failure.ToString());
        Assert.Equal(Certificate.VerificationUrl.AbsoluteUri, verification.Credential!["id"]!.GetValue<string>());
        Assert.Equal("CRM/2026/000123-K", verification.Credential["credentialSubject"]!["licenseNumber"]!.GetValue<string>());
        Assert.Equal("Zażółć Gęślą-Jaźń Łukasiewicz", verification.Credential["credentialSubject"]!["identifier"]![0]!["identityHash"]!.GetValue<string>());

        // The published set holds the public key only, under the key id the JWT names, which is the key's own address.
        var key = Assert.Single(JsonNode.Parse(jwks)!["keys"]!.AsArray())!.AsObject();
        Assert.Equal(["kty", "crv", "x", "y", "kid", "use", "alg"], key.Select(p => p.Key));
        var header = Header(jwt);
        Assert.Equal(["alg", "kid", "typ"], header.Select(p => p.Key).Order());
        Assert.Equal("ES256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        Assert.Equal(key["kid"]!.GetValue<string>(), header["kid"]!.GetValue<string>());
        Assert.StartsWith("https://certyfikaty.example.pl/issuer/keys/", header["kid"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_credential_has_the_members_open_badges_3_requires()
    {
        await using var database = await TestDatabase.CreateAsync();
        var jwt = await new OpenBadgeSigner(Store(database), Institution).SignAsync(Certificate);
        var payload = Payload(jwt);

        Assert.Equal([OpenBadgeDocuments.VcContext, OpenBadgeDocuments.ObContext], Strings(payload["@context"]));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], Strings(payload["type"]));
        Assert.Equal("Certyfikat: Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", payload["name"]!.GetValue<string>());
        Assert.Equal("https://certyfikaty.example.pl/issuer", payload["issuer"]!["id"]!.GetValue<string>());
        Assert.Equal(["Profile"], Strings(payload["issuer"]!["type"]));
        Assert.Equal(Institution.Name, payload["issuer"]!["name"]!.GetValue<string>());
        // The first and the last day of validity, whole, in Polish time (CET in March).
        Assert.Equal("2026-03-02T00:00:00+01:00", payload["validFrom"]!.GetValue<string>());
        Assert.Equal("2031-03-02T23:59:59+01:00", payload["validUntil"]!.GetValue<string>());

        var subject = payload["credentialSubject"]!;
        Assert.Equal("urn:uuid:6f1d2c3b-4a59-4e8f-9d7a-0b1c2d3e4f50", subject["id"]!.GetValue<string>());
        Assert.Equal(["AchievementSubject"], Strings(subject["type"]));
        var achievement = subject["achievement"]!;
        Assert.Equal("https://certyfikaty.example.pl/issuer/achievements/CRM-PRK4", achievement["id"]!.GetValue<string>());
        Assert.Equal(["Achievement"], Strings(achievement["type"]));
        Assert.Equal(Crm.Name, achievement["name"]!.GetValue<string>());
        Assert.Contains("poziomie 4 Polskiej Ramy Kwalifikacji", achievement["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ważnym 5 lat", achievement["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var narrative = achievement["criteria"]!["narrative"]!.GetValue<string>();
        Assert.Contains("- 2.5 Zarządza szansą sprzedaży", narrative, StringComparison.Ordinal);
        var alignment = Assert.Single(achievement["alignment"]!.AsArray())!;
        Assert.Equal(["Alignment"], Strings(alignment["type"]));
        Assert.Equal(Crm.Name, alignment["targetName"]!.GetValue<string>());
        Assert.Equal("CRM-PRK4", alignment["targetCode"]!.GetValue<string>());
        Assert.True(Uri.IsWellFormedUriString(alignment["targetUrl"]!.GetValue<string>(), UriKind.Absolute));

        // The JWT claims are the credential's own values (OB 3.0 §8.2.3), and the credential is the payload, not a vc claim.
        Assert.Equal(payload["issuer"]!["id"]!.GetValue<string>(), payload["iss"]!.GetValue<string>());
        Assert.Equal(payload["id"]!.GetValue<string>(), payload["jti"]!.GetValue<string>());
        Assert.Equal(subject["id"]!.GetValue<string>(), payload["sub"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), payload["nbf"]!.GetValue<long>());
        Assert.Equal(new DateTimeOffset(2031, 3, 2, 22, 59, 59, TimeSpan.Zero).ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
        Assert.Null(payload["vc"]);
        Assert.Null(payload["iat"]);
    }

    [Fact]
    public async Task A_tampered_payload_fails()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Store(database);
        var jwt = await new OpenBadgeSigner(keys, Institution).SignAsync(Certificate);
        var verifier = new OpenBadgeVerifier(await JwksAsync(keys));

        // Another name, and a validity five years longer, under the original signature.
        var payload = Payload(jwt);
        payload["credentialSubject"]!["identifier"]![0]!["identityHash"] = "Jan Kowalski";
        var renamed = WithPayload(jwt, payload);
        payload = Payload(jwt);
        payload["exp"] = payload["exp"]!.GetValue<long>() + (5 * 365 * 86400L);
        var extended = WithPayload(jwt, payload);

        Assert.Equal(BadgeVerificationFailure.BadSignature, (await verifier.VerifyAsync(renamed, During)).Failure);
        Assert.Equal(BadgeVerificationFailure.BadSignature, (await verifier.VerifyAsync(extended, During)).Failure);
        Assert.True((await verifier.VerifyAsync(jwt, During)).IsValid);
    }

    [Fact]
    public async Task A_tampered_signature_fails()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Store(database);
        var jwt = await new OpenBadgeSigner(keys, Institution).SignAsync(Certificate);
        var verifier = new OpenBadgeVerifier(await JwksAsync(keys));

        var parts = jwt.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 0x01;
        var flipped = $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}";

        Assert.Equal(BadgeVerificationFailure.BadSignature, (await verifier.VerifyAsync(flipped, During)).Failure);
        Assert.NotEqual(BadgeVerificationFailure.None, (await verifier.VerifyAsync($"{parts[0]}.{parts[1]}.", During)).Failure);
        Assert.Equal(BadgeVerificationFailure.Malformed, (await verifier.VerifyAsync("to nie jest JWT", During)).Failure);
    }

    [Fact]
    public async Task Another_key_fails()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var otherDatabase = await TestDatabase.CreateAsync();
        var jwt = await new OpenBadgeSigner(Store(database), Institution).SignAsync(Certificate);
        var otherKeys = Store(otherDatabase);
        await new OpenBadgeSigner(otherKeys, Institution).SignAsync(Certificate);

        // Another institution's key set: the key the header names is not in it.
        var otherJwks = await JsonWebKeySetAsync(otherKeys);
        Assert.Equal(BadgeVerificationFailure.UnknownKey, (await new OpenBadgeVerifier(otherJwks.ToJsonString()).VerifyAsync(jwt, During)).Failure);

        // A key set that answers the right key id with another key (a forged or mixed-up set).
        var kid = Header(jwt)["kid"]!.GetValue<string>();
        otherJwks["keys"]![0]!["kid"] = kid;
        Assert.Equal(BadgeVerificationFailure.BadSignature, (await new OpenBadgeVerifier(otherJwks.ToJsonString()).VerifyAsync(jwt, During)).Failure);

        // A token signed with the right key id but a key of the signer's own choosing.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            Payload(jwt).ToJsonString(), new SigningCredentials(new ECDsaSecurityKey(forger) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256));
        Assert.Equal(BadgeVerificationFailure.BadSignature, (await new OpenBadgeVerifier(await JwksAsync(Store(database))).VerifyAsync(forged, During)).Failure);
    }

    [Fact]
    public async Task A_credential_is_valid_through_its_last_day_in_poland_and_expired_after()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Store(database);
        var jwt = await new OpenBadgeSigner(keys, Institution).SignAsync(Certificate);
        var verifier = new OpenBadgeVerifier(await JwksAsync(keys));
        var cet = TimeSpan.FromHours(1);

        Assert.True((await verifier.VerifyAsync(jwt, new DateTimeOffset(2031, 3, 2, 23, 59, 58, cet))).IsValid);
        var expired = await verifier.VerifyAsync(jwt, new DateTimeOffset(2031, 3, 3, 0, 0, 0, cet));
        Assert.Equal(BadgeVerificationFailure.Expired, expired.Failure);
        Assert.Null(expired.Credential);

        Assert.Equal(BadgeVerificationFailure.NotYetValid, (await verifier.VerifyAsync(jwt, new DateTimeOffset(2026, 3, 1, 23, 59, 59, cet))).Failure);
        Assert.True((await verifier.VerifyAsync(jwt, new DateTimeOffset(2026, 3, 2, 0, 0, 0, cet))).IsValid);
    }

    [Fact]
    public async Task Claims_that_disagree_with_the_signed_credential_or_another_type_fail()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Store(database);
        var key = await keys.ActiveAsync();
        var signer = new OpenBadgeSigner(keys, Institution);
        var verifier = new OpenBadgeVerifier(await JwksAsync(keys));

        // Signed by the institution, but the JWT says it is about another credential than the one it carries.
        var payload = Payload(await signer.SignAsync(Certificate));
        payload["jti"] = "https://certyfikaty.example.pl/verify/CRM-2026-000999-X";
        using var ecdsa = ECDsa.Create(key.Parameters);
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            payload.ToJsonString(), new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = signer.KeyId(key.Thumbprint) }, SecurityAlgorithms.EcdsaSha256));

        Assert.Equal(BadgeVerificationFailure.ClaimsMismatch, (await verifier.VerifyAsync(token, During)).Failure);

        // Signed by the institution with the right claims, but typed as something else than OB 3.0 allows.
        var retyped = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            Payload(await signer.SignAsync(Certificate)).ToJsonString(),
            new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = signer.KeyId(key.Thumbprint) }, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = "vc+jwt" });
        Assert.Equal("vc+jwt", Header(retyped)["typ"]!.GetValue<string>());
        Assert.Equal(BadgeVerificationFailure.Malformed, (await verifier.VerifyAsync(retyped, During)).Failure);
    }

    [Fact]
    public async Task After_a_rotation_old_credentials_still_verify_and_new_ones_use_the_new_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Store(database);
        var signer = new OpenBadgeSigner(keys, Institution);
        var before = await signer.SignAsync(Certificate);

        var next = await keys.RotateAsync();
        var after = await signer.SignAsync(Certificate);

        var published = await keys.PublishedAsync();
        Assert.Equal(2, published.Count);
        Assert.Equal(next.Thumbprint, published[0].Thumbprint);
        Assert.Null(published[0].RetiredAt);
        Assert.NotNull(published[1].RetiredAt);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM issuer_key WHERE retired_at IS NULL"));

        var verifier = new OpenBadgeVerifier(await JwksAsync(keys));
        Assert.True((await verifier.VerifyAsync(before, During)).IsValid);
        Assert.True((await verifier.VerifyAsync(after, During)).IsValid);
        Assert.Equal(signer.KeyId(next.Thumbprint), Header(after)["kid"]!.GetValue<string>());
        Assert.Equal(signer.KeyId(published[1].Thumbprint), Header(before)["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Processes_creating_the_first_key_at_once_keep_one()
    {
        await using var database = await TestDatabase.CreateAsync();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new OpenBadgeSigner(Store(database), Institution).SignAsync(Certificate)));

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM issuer_key"));
        var verifier = new OpenBadgeVerifier(await JwksAsync(Store(database)));
        foreach (var token in tokens)
        {
            Assert.True((await verifier.VerifyAsync(token, During)).IsValid);
        }
    }

    [Fact]
    public async Task With_a_password_the_stored_private_key_is_encrypted_and_needs_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Store(database, password: "hasło-do-klucza-Ł0dź");
        var jwt = await new OpenBadgeSigner(keys, Institution).SignAsync(Certificate);
        Assert.True((await new OpenBadgeVerifier(await JwksAsync(keys)).VerifyAsync(jwt, During)).IsValid);

        Assert.True(await database.ScalarAsync<bool>("SELECT private_key_encrypted FROM issuer_key"));
        var stored = await database.ScalarAsync<byte[]>("SELECT private_key FROM issuer_key");
        using (var probe = ECDsa.Create())
        {
            Assert.ThrowsAny<CryptographicException>(() => probe.ImportPkcs8PrivateKey(stored, out _));
        }

        // Another process with no password, or a wrong one, cannot sign, and says why.
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => new OpenBadgeSigner(Store(database), Institution).SignAsync(Certificate));
        Assert.Contains(IssuerKeyStore.PasswordSetting, missing.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new OpenBadgeSigner(Store(database, password: "inne"), Institution).SignAsync(Certificate));
        Assert.True((await new OpenBadgeVerifier(await JwksAsync(keys)).VerifyAsync(
            await new OpenBadgeSigner(Store(database, password: "hasło-do-klucza-Ł0dź"), Institution).SignAsync(Certificate), During)).IsValid);
    }

    [Fact]
    public async Task Without_a_password_the_private_key_is_plain_pkcs8()
    {
        await using var database = await TestDatabase.CreateAsync();
        await new OpenBadgeSigner(Store(database), Institution).SignAsync(Certificate);

        Assert.False(await database.ScalarAsync<bool>("SELECT private_key_encrypted FROM issuer_key"));
        using var probe = ECDsa.Create();
        probe.ImportPkcs8PrivateKey(await database.ScalarAsync<byte[]>("SELECT private_key FROM issuer_key"), out _);
        Assert.Equal(256, probe.KeySize);
    }

    internal static IssuerKeyStore Store(TestDatabase database, string? password = null) => new(
        database.DataSource,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [IssuerKeyStore.PasswordSetting] = password }).Build(),
        TimeProvider.System,
        NullLogger<IssuerKeyStore>.Instance);

    private static async Task<string> JwksAsync(IssuerKeyStore keys) => (await JsonWebKeySetAsync(keys)).ToJsonString();

    private static async Task<JsonObject> JsonWebKeySetAsync(IssuerKeyStore keys) => IssuerPublicKey.Jwks(await keys.PublishedAsync(), Institution);

    private static JsonObject Header(string jwt) => JsonNode.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[0]))!.AsObject();

    private static JsonObject Payload(string jwt) => JsonNode.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1]))!.AsObject();

    private static string WithPayload(string jwt, JsonObject payload)
    {
        var parts = jwt.Split('.');
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];
}
