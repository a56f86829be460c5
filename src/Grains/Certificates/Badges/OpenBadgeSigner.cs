using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Certification.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Certification.Certificates.Badges;

/// <summary>
/// Signs a certificate's Open Badges credential with the institution's active key as a VC-JWT (OB 3.0 §8.2): a
/// compact JWS, ES256, whose header carries only <c>alg</c>, <c>kid</c> (the address of the key) and <c>typ</c>, and
/// whose payload is the credential itself with the claims <c>iss</c>, <c>jti</c>, <c>sub</c>, <c>nbf</c>, <c>exp</c>
/// copied from it, as OB 3.0 on VC Data Model 2.0 lays it out (the <c>vc</c> claim is the VC 1.1 layout it replaced).
/// </summary>
public sealed class OpenBadgeSigner(IssuerKeyStore keys, Institution institution)
{
    /// <summary>The signed credential of one certificate version, as the compact JWS the holder downloads.</summary>
    public async Task<string> SignAsync(BadgeCertificate certificate, CancellationToken cancellationToken = default)
    {
        var key = await keys.ActiveAsync(cancellationToken);
        return Sign(OpenBadgeDocuments.Credential(certificate, institution), key.Parameters, KeyId(key.Thumbprint));
    }

    internal string KeyId(string thumbprint) => institution.Link(OpenBadgePaths.Key(thumbprint)).AbsoluteUri;

    /// <summary>Wraps a credential in a JWT and signs it; the claims are read from the credential so they cannot disagree.</summary>
    internal static string Sign(JsonObject credential, ECParameters privateKey, string keyId)
    {
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = credential["issuer"]!["id"]!.GetValue<string>();
        payload["jti"] = credential["id"]!.GetValue<string>();
        payload["sub"] = credential["credentialSubject"]!["id"]!.GetValue<string>();
        payload["nbf"] = DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        if (credential["validUntil"] is { } validUntil)
        {
            payload["exp"] = DateTimeOffset.Parse(validUntil.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        }

        using var ecdsa = ECDsa.Create(privateKey);
        // A fresh key object per signature: ECDsa instances are not shared across threads, and none is cached.
        var key = new ECDsaSecurityKey(ecdsa) { KeyId = keyId, CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
        // The payload is exactly the credential and its claims: no iat or default lifetimes added by the library.
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(payload.ToJsonString(), new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256));
    }
}
