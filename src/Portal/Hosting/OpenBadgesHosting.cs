using System.Text.Json.Nodes;
using Certification.Certificates.Badges;
using Certification.Common;
using Certification.Qualifications;

namespace Certification.Portal.Hosting;

/// <summary>
/// What a verifier of the institution's Open Badges fetches (decision 15), open to anyone and cacheable: the key set
/// (<c>/.well-known/jwks.json</c>), each key at its key id, the issuer's profile (the credentials' issuer id) and the
/// achievement of each qualification (the credentials' achievement id). Nothing here is personal or secret.
/// </summary>
internal static class OpenBadgesHosting
{
    // Wallets and verifiers in browsers fetch these from other origins; no cookie is read, so any origin may.
    private const string AnyOrigin = "*";

    public static void MapOpenBadges(this WebApplication app)
    {
        // Short: after a rotation, new credentials name a key that a verifier's cached set may not hold yet.
        app.MapGet("/" + OpenBadgePaths.Jwks, async (HttpContext http, IssuerKeyStore keys, Institution institution, CancellationToken cancellationToken) =>
                Public(http, IssuerPublicKey.Jwks(await keys.PublishedAsync(cancellationToken), institution), TimeSpan.FromMinutes(5)))
            .AllowAnonymous();

        app.MapGet("/" + OpenBadgePaths.KeyPrefix + "{thumbprint}", async (string thumbprint, HttpContext http, IssuerKeyStore keys, Institution institution, CancellationToken cancellationToken) =>
                (await keys.PublishedAsync(cancellationToken)).FirstOrDefault(key => key.Thumbprint == thumbprint) is { } key
                    ? Public(http, key.Jwk(institution), TimeSpan.FromDays(1))
                    : Results.NotFound())
            .AllowAnonymous();

        app.MapGet("/" + OpenBadgePaths.Issuer, (HttpContext http, Institution institution) =>
                Public(http, OpenBadgeDocuments.Profile(institution, withContext: true), TimeSpan.FromHours(1)))
            .AllowAnonymous();

        app.MapGet("/" + OpenBadgePaths.AchievementPrefix + "{code}", async (string code, HttpContext http, IGrainFactory grains, Institution institution) =>
                await grains.GetGrain<IQualificationGrain>(code).GetAsync() is { } qualification
                    ? Public(http, OpenBadgeDocuments.Achievement(BadgeQualification.From(qualification), institution, withContext: true), TimeSpan.FromHours(1))
                    : Results.NotFound())
            .AllowAnonymous();
    }

    private static IResult Public(HttpContext http, JsonObject document, TimeSpan maxAge)
    {
        http.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        http.Response.Headers.AccessControlAllowOrigin = AnyOrigin;
        return Results.Content(document.ToJsonString(), "application/json; charset=utf-8");
    }
}
