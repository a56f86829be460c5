using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Certification.Certificates.Badges;

/// <summary>Why a credential did not verify. <see cref="None"/> when it did.</summary>
public enum BadgeVerificationFailure
{
    None,

    /// <summary>Not a compact JWS, typed other than <c>JWT</c>, or its payload is not a JSON object.</summary>
    Malformed,

    /// <summary>The header names no key, or a key the key set does not have.</summary>
    UnknownKey,

    /// <summary>The signature does not match the header and payload under the named key (or is not ES256).</summary>
    BadSignature,

    /// <summary>Signed, but not an Open Badges credential (type, context or subject missing).</summary>
    NotAnOpenBadge,

    /// <summary>A JWT claim disagrees with the credential it wraps (iss, sub, jti, nbf, exp).</summary>
    ClaimsMismatch,

    NotYetValid,

    Expired,
}

/// <param name="Credential">The verified credential; null unless <see cref="IsValid"/>.</param>
public sealed record BadgeVerification(BadgeVerificationFailure Failure, JsonObject? Credential)
{
    public bool IsValid => Failure == BadgeVerificationFailure.None;
}

/// <summary>
/// Verifies an Open Badges VC-JWT offline against an issuer's published key set (OB 3.0 §8.2.4 and the
/// verification steps of ob_v3p0/verification.md): the signature under the key the header's <c>kid</c> names
/// (ES256 only, no other key tried), then that the JWT claims match the credential, then its validity at a given
/// instant. Revocation is not in a signed file: the credential's id is its verification page, which says it live.
/// </summary>
public sealed class OpenBadgeVerifier
{
    private static readonly string[] Contexts = [OpenBadgeDocuments.VcContext, "https://www.w3.org/2018/credentials/v1"];

    private readonly IList<SecurityKey> _keys;

    /// <param name="jwks">The issuer's JWKS document, as published at <c>/.well-known/jwks.json</c>.</param>
    public OpenBadgeVerifier(string jwks) => _keys = new JsonWebKeySet(jwks).GetSigningKeys();

    public async Task<BadgeVerification> VerifyAsync(string compactJws, DateTimeOffset now)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(compactJws))
        {
            return Failed(BadgeVerificationFailure.Malformed);
        }

        var result = await handler.ValidateTokenAsync(compactJws, new TokenValidationParameters
        {
            IssuerSigningKeys = _keys,
            // Only the key the header names: a key set holding several keys must not verify with whichever fits.
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            // Issuer and times are checked below against the credential itself, at the instant given.
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!result.IsValid)
        {
            return Failed(result.Exception switch
            {
                SecurityTokenSignatureKeyNotFoundException => BadgeVerificationFailure.UnknownKey,
                SecurityTokenMalformedException => BadgeVerificationFailure.Malformed,
                _ => BadgeVerificationFailure.BadSignature,
            });
        }

        var token = (JsonWebToken)result.SecurityToken;
        // OB 3.0 §8.2.2: typ is optional, and "JWT" when present.
        if (token.Typ is { Length: > 0 } typ && typ != "JWT")
        {
            return Failed(BadgeVerificationFailure.Malformed);
        }

        if (JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)) is not JsonObject payload)
        {
            return Failed(BadgeVerificationFailure.Malformed);
        }

        // A VC 1.1 credential travels in the vc claim; a VC 2.0 one (what we issue) is the payload itself.
        var credential = payload["vc"] as JsonObject ?? payload;
        return Check(payload, credential, now);
    }

    private static BadgeVerification Check(JsonObject payload, JsonObject credential, DateTimeOffset now)
    {
        var subject = credential["credentialSubject"] as JsonObject;
        if (!Strings(credential["type"]).Intersect(["OpenBadgeCredential", "AchievementCredential"]).Any()
            || !Strings(credential["type"]).Contains("VerifiableCredential")
            || !Contexts.Contains(Strings(credential["@context"]).FirstOrDefault())
            || subject is null
            || (subject["id"] is null && subject["identifier"] is null))
        {
            return Failed(BadgeVerificationFailure.NotAnOpenBadge);
        }

        var issuerId = credential["issuer"] is JsonObject issuer ? Text(issuer["id"]) : Text(credential["issuer"]);
        var validFrom = Instant(credential["validFrom"] ?? credential["issuanceDate"]);
        var validUntil = Instant(credential["validUntil"] ?? credential["expirationDate"]);
        var notBefore = Seconds(payload["nbf"]);
        var expires = Seconds(payload["exp"]);
        if (Text(payload["iss"]) is not { } iss || iss != issuerId
            || Text(payload["sub"]) is not { } sub || sub != Text(subject["id"])
            || Text(payload["jti"]) is not { } jti || jti != Text(credential["id"])
            || notBefore is null || notBefore != validFrom?.ToUnixTimeSeconds()
            || expires != validUntil?.ToUnixTimeSeconds())
        {
            return Failed(BadgeVerificationFailure.ClaimsMismatch);
        }

        if (now.ToUnixTimeSeconds() < notBefore)
        {
            return Failed(BadgeVerificationFailure.NotYetValid);
        }

        // RFC 7519 §4.1.4: not accepted on or after the expiry instant.
        return expires is not null && now.ToUnixTimeSeconds() >= expires
            ? Failed(BadgeVerificationFailure.Expired)
            : new BadgeVerification(BadgeVerificationFailure.None, credential);
    }

    private static BadgeVerification Failed(BadgeVerificationFailure failure) => new(failure, null);

    private static IEnumerable<string?> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text),
        JsonValue => [Text(node)],
        _ => [],
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long? Seconds(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long seconds) ? seconds : null;

    private static DateTimeOffset? Instant(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) ? instant : null;
}
