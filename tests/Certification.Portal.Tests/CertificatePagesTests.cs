using System.Net;
using System.Text;
using System.Text.Json;
using Certification.Assessment;
using Certification.Certificates;
using Certification.Portal.Accounts;
using Certification.Testing;
using UglyToad.PdfPig;

namespace Certification.Portal.Tests;

/// <summary>
/// Certificates in the portal: the holder's own and the office's downloads, the public verification, revocation by a
/// system administrator, the register export and the session's bulk issue.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CertificatePagesTests(PortalFixture fixture)
{
    private static readonly System.Globalization.CultureInfo Polish = System.Globalization.CultureInfo.GetCultureInfo("pl-PL");

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_holder_downloads_their_own_certificate_the_office_any_and_nobody_else_one()
    {
        var (number, holder, _) = await CertifiedAsync("Źdźbłowska");
        var slug = number.Replace('/', '-');
        var pdf = $"/Certificates/{slug}/pdf";
        var own = await Host.SignedInAsync(holder);

        var list = await TextAsync(await own.GetAsync("/Certificates"));
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("ważny", list, StringComparison.Ordinal);
        var download = await own.GetAsync(pdf);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await own.GetByteArrayAsync(pdf.ToLowerInvariant()));
        using (var document = PdfDocument.Open(bytes))
        {
            var words = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("Cecylia Źdźbłowska", words, StringComparison.Ordinal);
            Assert.Contains($"http://127.0.0.1:5080/verify/{number}", words, StringComparison.Ordinal);
        }

        var (_, stranger, _) = await CertifiedAsync("Obca");
        var other = await Host.SignedInAsync(stranger);
        Assert.DoesNotContain(number, await other.GetStringAsync("/Certificates"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(pdf)).StatusCode);
        foreach (var role in new[] { Roles.AccountManager, Roles.ExamOperator, Roles.Assessor, Roles.PartnerAdmin })
        {
            var client = await Host.SignedInAsync(await Host.CreateUserAsync(role, clientId: role == Roles.PartnerAdmin ? fixture.ClientA : null));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(pdf)).StatusCode);
        }

        foreach (var role in new[] { Roles.TrainingAdmin, Roles.SystemAdmin })
        {
            var office = await Host.SignedInAsync(await Host.CreateUserAsync(role));
            Assert.Equal(bytes, await office.GetByteArrayAsync(pdf));
            Assert.Contains(number, await office.GetStringAsync("/Certificates/Admin?search=" + Uri.EscapeDataString("źdźbłowska")), StringComparison.Ordinal);
            Assert.Contains("Cecylia Źdźbłowska", await TextAsync(await office.GetAsync($"/Certificates/Admin/Details/{slug}")), StringComparison.Ordinal);
        }

        var anonymous = Host.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(pdf)).StatusCode);
        Assert.Contains("/Account/Login", (await anonymous.GetAsync(pdf)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("AccessDenied", (await own.GetAsync("/Certificates/Admin")).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/Certificates/{WrongCheck(number).Replace('/', '-')}/pdf")).StatusCode);
    }

    [Fact]
    public async Task Anyone_verifies_a_number_without_signing_in_and_learns_the_standing_the_name_the_qualification_and_the_dates_only()
    {
        var (number, _, candidate) = await CertifiedAsync("Weryfikowana");
        var anonymous = Host.Anonymous();

        var page = await anonymous.GetAsync($"/verify/{number}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = await TextAsync(page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains($"Certyfikat jest ważny do {today.AddYears(5).ToString("d MMMM yyyy", Polish)}.", text, StringComparison.Ordinal);
        Assert.Contains("Cecylia Weryfikowana", text, StringComparison.Ordinal);
        Assert.Contains("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM (poziom PRK 4)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Walidacja", text, StringComparison.Ordinal);
        Assert.Contains("Cecylia Weryfikowana", await anonymous.GetStringAsync($"/verify/{number.ToLowerInvariant().Replace('/', '-')}"), StringComparison.Ordinal);
        Assert.Contains("Cecylia Weryfikowana", await anonymous.GetStringAsync($"/verify?number={Uri.EscapeDataString(" " + number + " ")}"), StringComparison.Ordinal);

        var wrong = await anonymous.GetAsync($"/verify/{WrongCheck(number)}");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("Nie znaleziono certyfikatu o numerze", await TextAsync(wrong), StringComparison.Ordinal);
        Assert.DoesNotContain("Weryfikowana", await TextAsync(wrong), StringComparison.Ordinal);
        var malformed = await anonymous.GetAsync("/verify/abc");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("„abc” nie jest numerem certyfikatu. Numer ma postać CRM/2026/000123-K.", await TextAsync(malformed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/verify")).StatusCode);

        var days = TimeSpan.FromDays(today.AddYears(5).DayNumber - today.DayNumber + 2);
        fixture.ExamClock.Advance(days);
        try
        {
            Assert.Contains("Certyfikat wygasł", await TextAsync(await anonymous.GetAsync($"/verify/{number}")), StringComparison.Ordinal);
        }
        finally
        {
            fixture.ExamClock.Advance(-days);
        }

        var english = Host.Anonymous();
        await english.PostFormAsync("/Account/Login", new() { ["culture"] = "en-GB", ["returnUrl"] = "/verify" }, "/Account/Culture");
        var translated = await TextAsync(await english.GetAsync($"/verify/{number}"));
        Assert.Contains($"The certificate is valid until {today.AddYears(5).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.", translated, StringComparison.Ordinal);
        Assert.Contains("Customer relationship management using a CRM system", translated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_system_administrator_revokes_with_a_reason_and_verification_shows_it_at_once()
    {
        var (number, holder, _) = await CertifiedAsync("Unieważniana");
        var slug = number.Replace('/', '-');
        var details = $"/Certificates/Admin/Details/{slug}";
        var revoke = details + "?handler=Revoke";
        var grain = Host.Grains.GetGrain<ICertificateGrain>(number);

        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        Assert.DoesNotContain("handler=Revoke", await office.GetStringAsync(details), StringComparison.Ordinal);
        var refused = await office.PostFormAsync(details, new() { ["Reason"] = "Nie wolno mi." }, revoke);
        Assert.Contains("AccessDenied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Null((await grain.GetAsync())!.Revocation);

        var admin = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.SystemAdmin));
        var blank = await admin.PostFormAsync(details, new() { ["Reason"] = "  " }, revoke);
        Assert.Contains("Podaj powód.", await TextAsync(blank), StringComparison.Ordinal);
        Assert.Null((await grain.GetAsync())!.Revocation);

        var revoked = await admin.PostFormAsync(details, new() { ["Reason"] = "Decyzja walidacyjna uchylona przez sąd." }, revoke);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Decyzja walidacyjna uchylona przez sąd.", await TextAsync(await admin.GetAsync(details)), StringComparison.Ordinal);
        var verification = await TextAsync(await Host.Anonymous().GetAsync($"/verify/{number}"));
        Assert.Contains("Certyfikat został unieważniony", verification, StringComparison.Ordinal);
        Assert.DoesNotContain("sąd", verification, StringComparison.Ordinal);
        var own = await Host.SignedInAsync(holder);
        Assert.Contains("unieważniony", await TextAsync(await own.GetAsync("/Certificates")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/Certificates/{slug}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Certificates/{slug}/pdf")).StatusCode);
        Assert.Equal("revoked", await Host.Database.ScalarAsync<string>(
            $"SELECT kind FROM audit_event WHERE stream = 'certificate:{number}' AND reason = 'Decyzja walidacyjna uchylona przez sąd.'"));
    }

    [Fact]
    public async Task The_register_of_a_period_is_a_csv_of_every_certificate_issued_in_it()
    {
        var (number, _, _) = await CertifiedAsync("Rejestrowa");
        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.SystemAdmin));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var export = await office.GetAsync($"/Certificates/Admin?handler=Export&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("numer;imię i nazwisko;data urodzenia;kwalifikacja;", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith(number, StringComparison.Ordinal));
        Assert.Equal([number, "Cecylia Rejestrowa", "", "CRM-PRK4"], row.Split(';')[..4]);
        Assert.EndsWith($";{today:yyyy-MM-dd};{today.AddYears(5):yyyy-MM-dd};1;ważny;;", row, StringComparison.Ordinal);

        var earlier = await office.GetByteArrayAsync($"/Certificates/Admin?handler=Export&from=2020-01-01&to=2020-12-31");
        Assert.DoesNotContain(number, Encoding.UTF8.GetString(earlier), StringComparison.Ordinal);
        var backwards = await TextAsync(await office.GetAsync("/Certificates/Admin?handler=Export&from=2026-02-01&to=2026-01-01"));
        Assert.Contains("Koniec okresu nie może być wcześniejszy niż jego początek.", backwards, StringComparison.Ordinal);
        var candidate = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate));
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.GetAsync("/Certificates/Admin?handler=Export&from=2020-01-01&to=2030-01-01")).StatusCode);
    }

    [Fact]
    public async Task The_session_page_issues_the_missing_certificates_and_shows_the_progress()
    {
        var (session, _) = await Host.TheoryDoneAsync(passTheory: true, lastName: "Zbiorowa");
        var (first, second) = (await Host.PersonAsync("Adam", "Zbiorczy"), await Host.PersonAsync("Beata", "Zbiorcza"));
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        await Host.Database.DecidedWithoutCertificateAsync(session, first, DecisionOutcome.Positive, at);
        await Host.Database.DecidedWithoutCertificateAsync(session, second, DecisionOutcome.Positive, at);
        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Exams/Sessions/Details/{session}";

        Assert.Contains("Wydaj brakujące certyfikaty (2)", await TextAsync(await office.GetAsync(page)), StringComparison.Ordinal);
        var admin = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.SystemAdmin));
        Assert.Contains($"/Certificates/Admin/Session/{session}", await admin.GetStringAsync("/Certificates/Admin"), StringComparison.Ordinal);
        var candidate = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate));
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.GetAsync($"/Certificates/Admin/Session/{session}?handler=Progress")).StatusCode);

        var started = await office.PostFormAsync(page, new() { ["returnUrl"] = page }, $"/Certificates/Admin/Session/{session}?handler=Issue");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(page, started.Headers.Location!.ToString());
        JsonElement progress;
        var polls = 0;
        do
        {
            await Task.Delay(100);
            progress = JsonDocument.Parse(await office.GetStringAsync($"/Certificates/Admin/Session/{session}?handler=Progress")).RootElement;
        }
        while (progress.GetProperty("running").GetBoolean() && ++polls < 100);

        Assert.Equal((2, 2, 2), (progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32(), progress.GetProperty("issued").GetInt32()));
        var after = await TextAsync(await office.GetAsync(page));
        Assert.Contains("Wydano certyfikaty: 2 z 2.", after, StringComparison.Ordinal);
        Assert.Contains("Adam Zbiorczy", after, StringComparison.Ordinal);
        Assert.Contains("Beata Zbiorcza", after, StringComparison.Ordinal);
        Assert.Contains("Każda pozytywna decyzja tej sesji ma certyfikat.", await TextAsync(await admin.GetAsync($"/Certificates/Admin/Session/{session}")), StringComparison.Ordinal);
        Assert.Equal(2, await Host.Database.ScalarAsync<long>($"SELECT count(*) FROM certificate WHERE session_id = '{session}'"));
    }

    [Fact]
    public async Task Verification_is_limited_per_address_and_more_tightly_in_numbers_that_are_not_certificates()
    {
        await using var host = await PortalHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["RateLimits:PerMinute"] = "4",
            ["RateLimits:VerificationMissesPerHour"] = "2",
        });
        var anonymous = host.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/verify/CRM/2026/000001-0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/verify/CRM-1")).StatusCode);
        var blocked = await anonymous.GetAsync("/verify/CRM/2026/000002-0");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("zbyt wiele numerów, które nie są numerami certyfikatów", await TextAsync(blocked), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/verify")).StatusCode);
        var limited = await anonymous.GetAsync("/verify");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Empty(await limited.Content.ReadAsStringAsync());
    }

    /// <summary>A candidate with an account whose panel signed a positive decision: the certificate is issued with the last signature.</summary>
    private async Task<(string Number, string HolderEmail, Guid Candidate)> CertifiedAsync(string lastName)
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: true, firstName: "Cecylia", lastName: lastName);
        var (anna, _) = await Host.StaffPersonAsync("Anna", "Komisyjna");
        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Komisyjny");
        await Host.SignedDecisionAsync(session, candidate, [anna, piotr]);
        var number = await Host.Database.ScalarAsync<string>($"SELECT number FROM certificate WHERE session_id = '{session}' AND person_id = '{candidate}'");
        return (number!, await Host.CreateUserAsync(Roles.Candidate, personId: candidate), candidate);
    }

    private static string WrongCheck(string number) =>
        number[..^1] + CertificateNumber.Alphabet.First(c => c != number[^1]);

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
