using System.Net;
using System.Text.Json.Nodes;
using Certification.Certificates.Badges;
using Certification.Common;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Certification.Portal.Tests;

/// <summary>
/// What a verifier fetches without signing in: the key set, each key at its key id, the issuer's profile and the
/// qualification's achievement; with these alone a credential the portal signed verifies.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OpenBadgesEndpointTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_credential_the_portal_signs_verifies_with_the_key_set_anyone_can_fetch()
    {
        var institution = fixture.Host.Services.GetRequiredService<Institution>();
        var jwt = await fixture.Host.Services.GetRequiredService<OpenBadgeSigner>().SignAsync(new BadgeCertificate(
            "CRM/2026/000042-P",
            Guid.NewGuid(),
            "Łucja Śliwińska-Żądło",
            new BadgeQualification("CRM-PRK4", "Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", "partial", 4, 5, []),
            new DateOnly(2026, 5, 4),
            new DateOnly(2031, 5, 4),
            institution.Link("verify/CRM-2026-000042-P")));
        using var anonymous = fixture.Host.CreateClient();

        var response = await anonymous.GetAsync("/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var jwks = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"d\"", jwks, StringComparison.Ordinal);

        var verification = await new OpenBadgeVerifier(jwks).VerifyAsync(jwt, new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.FromHours(1)));
        Assert.True(verification.IsValid, verification.Failure.ToString());

        // The key id in the header is an address on the portal that answers the key itself.
        var kid = new Uri(JsonNode.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[0]))!["kid"]!.GetValue<string>());
        Assert.Equal(institution.PublicUrl.Authority, kid.Authority);
        var key = JsonNode.Parse(await anonymous.GetStringAsync(kid.PathAndQuery))!;
        var published = JsonNode.Parse(jwks)!["keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == kid.AbsoluteUri)!;
        Assert.Equal(published["x"]!.GetValue<string>(), key["x"]!.GetValue<string>());
        Assert.Equal(published["y"]!.GetValue<string>(), key["y"]!.GetValue<string>());
        Assert.Null(key["d"]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/issuer/keys/no-such-key")).StatusCode);
    }

    [Fact]
    public async Task The_issuer_profile_is_at_the_credentials_issuer_id()
    {
        var institution = fixture.Host.Services.GetRequiredService<Institution>();
        using var anonymous = fixture.Host.CreateClient();

        var response = await anonymous.GetAsync("/issuer");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=3600", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var profile = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(OpenBadgeDocuments.IssuerId(institution), profile["id"]!.GetValue<string>());
        Assert.Equal(institution.Link("issuer").AbsoluteUri, profile["id"]!.GetValue<string>());
        Assert.Equal("Profile", profile["type"]![0]!.GetValue<string>());
        Assert.Equal(institution.Name, profile["name"]!.GetValue<string>());
        Assert.Equal(OpenBadgeDocuments.VcContext, profile["@context"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_qualifications_achievement_is_published_and_an_unknown_one_is_not_found()
    {
        using var anonymous = fixture.Host.CreateClient();

        var achievement = JsonNode.Parse(await anonymous.GetStringAsync("/issuer/achievements/CRM-PRK4"))!;
        Assert.Equal("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", achievement["name"]!.GetValue<string>());
        Assert.Equal("Achievement", achievement["type"]![0]!.GetValue<string>());
        var narrative = achievement["criteria"]!["narrative"]!.GetValue<string>();
        Assert.Contains("2.5 Zarządza szansą sprzedaży", narrative, StringComparison.Ordinal);
        Assert.Contains("Zestaw 1. Budowanie bazy klientów", narrative, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/issuer/achievements/NO-SUCH")).StatusCode);
    }
}
