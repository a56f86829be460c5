using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Certification.Certificates.Badges;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Certification.Portal.Tests;

/// <summary>
/// The certificate as a signed Open Badges credential: the holder and the office download it, it verifies with the key
/// set the portal publishes, a changed byte breaks it, and a revoked certificate has none.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CertificateBadgeTests(PortalFixture fixture)
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_holder_downloads_a_badge_that_verifies_with_the_published_key_set_and_breaks_when_changed()
    {
        var (number, holder, candidate) = await CertifiedAsync("Odznakowa");
        var slug = number.Replace('/', '-');
        var own = await Host.SignedInAsync(holder);

        var list = WebUtility.HtmlDecode(await own.GetStringAsync("/Certificates"));
        Assert.Contains($"/Certificates/{slug}/badge", list, StringComparison.Ordinal);
        Assert.Contains("Open Badge to podpisana cyfrowo wersja certyfikatu", list, StringComparison.Ordinal);

        var download = await own.GetAsync($"/Certificates/{slug}/badge");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/jwt", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"certyfikat-{slug}.jwt", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var jwt = await download.Content.ReadAsStringAsync();

        var jwks = await Host.Anonymous().GetStringAsync("/.well-known/jwks.json");
        var verifier = new OpenBadgeVerifier(jwks);
        var verification = await verifier.VerifyAsync(jwt, DateTimeOffset.UtcNow);
        Assert.True(verification.IsValid, verification.Failure.ToString());
        var credential = verification.Credential!;
        Assert.Equal($"urn:uuid:{candidate}", credential["credentialSubject"]!["id"]!.GetValue<string>());
        Assert.Equal($"http://127.0.0.1:5080/verify/{number}", credential["id"]!.GetValue<string>());
        Assert.Contains("Cecylia Odznakowa", credential.ToJsonString(), StringComparison.Ordinal);

        // Another holder's name in the payload, the signature unchanged: the verifier refuses it.
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["credentialSubject"]!["name"] = "Ktoś Inny";
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        Assert.Equal(BadgeVerificationFailure.BadSignature, (await verifier.VerifyAsync(tampered, DateTimeOffset.UtcNow)).Failure);
    }

    [Fact]
    public async Task Only_the_holder_and_the_office_get_the_badge_and_a_revoked_certificate_has_none()
    {
        var (number, holder, _) = await CertifiedAsync("Odznakowa-Druga");
        var badge = $"/Certificates/{number.Replace('/', '-')}/badge";
        var (_, stranger, _) = await CertifiedAsync("Obca");

        Assert.Equal(HttpStatusCode.NotFound, (await (await Host.SignedInAsync(stranger)).GetAsync(badge)).StatusCode);
        foreach (var role in new[] { Roles.AccountManager, Roles.ExamOperator, Roles.Assessor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await Host.SignedInAsync(await Host.CreateUserAsync(role))).GetAsync(badge)).StatusCode);
        }

        var admin = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.SystemAdmin));
        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(badge)).StatusCode);
        Assert.Contains(badge, await admin.GetStringAsync($"/Certificates/Admin/Details/{number.Replace('/', '-')}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Host.Anonymous().GetAsync(badge)).StatusCode);

        var grain = Host.Grains.GetGrain<Certification.Certificates.ICertificateGrain>(number);
        Assert.True((await grain.RevokeAsync("Decyzja uchylona", "admin")).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Host.SignedInAsync(holder)).GetAsync(badge)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(badge)).StatusCode);
        Assert.DoesNotContain(badge, await admin.GetStringAsync($"/Certificates/Admin/Details/{number.Replace('/', '-')}"), StringComparison.Ordinal);
    }

    private async Task<(string Number, string HolderEmail, Guid Candidate)> CertifiedAsync(string lastName)
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: true, firstName: "Cecylia", lastName: lastName);
        var (anna, _) = await Host.StaffPersonAsync("Anna", "Komisyjna");
        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Komisyjny");
        await Host.SignedDecisionAsync(session, candidate, [anna, piotr]);
        var number = await Host.Database.ScalarAsync<string>($"SELECT number FROM certificate WHERE session_id = '{session}' AND person_id = '{candidate}'");
        return (number!, await Host.CreateUserAsync(Roles.Candidate, personId: candidate), candidate);
    }
}
