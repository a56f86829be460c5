using System.Text.RegularExpressions;
using Certification.Assessment;
using Certification.Portal.Accounts;
using Certification.Portal.DemoData;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// Certificates in a browser on the demo data: the verification page of the demo candidate's certificate and of the
/// revoked one (opened as a QR code opens it, and typed into the form), the holder's download, and the office's bulk
/// issue of a session with its progress. Every page passes axe.
/// </summary>
public sealed partial class CertificateBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_verification_page_shows_the_demo_certificate_valid_and_the_revoked_one_revoked()
    {
        await browser.Portal.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var valid = (await browser.Portal.Database.ScalarAsync<string>(
            "SELECT c.number FROM certificate c JOIN user_account u ON u.person_id = c.person_id WHERE u.email = 'kandydat@demo.pl' AND c.revoked_at IS NULL"))!;
        var revoked = (await browser.Portal.Database.ScalarAsync<string>("SELECT number FROM certificate WHERE revoked_at IS NOT NULL"))!;

        // As the QR code opens it: no sign-in.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/verify/{valid}");
        await Expect(visitor.Locator("#certificate-status")).ToContainTextAsync("Certyfikat jest ważny do");
        await Expect(visitor.Locator("#certificate-holder")).ToHaveTextAsync("Jan Kandydacki");
        await Expect(visitor.Locator("#certificate-number")).ToHaveTextAsync(valid);
        await Expect(visitor.Locator("#certificate-qualification")).ToContainTextAsync("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM");
        await Axe.AssertNoSeriousViolationsAsync(visitor, "the verification of a valid certificate");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "certificate-verify-valid.png"), FullPage = true });

        // Typed as someone reads it off paper: lower case, spaces.
        await visitor.GetByLabel("Numer certyfikatu").FillAsync(" " + revoked.ToLowerInvariant().Replace("/", " / ", StringComparison.Ordinal));
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Sprawdź" }).ClickAsync();
        await Expect(visitor.Locator("#certificate-status")).ToContainTextAsync("Certyfikat został unieważniony");
        await Expect(visitor.Locator("#certificate-status")).ToHaveAttributeAsync("data-status", "Revoked");
        await Expect(visitor.Locator("#certificate-number")).ToHaveTextAsync(revoked);
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(CertificateDemo.RevocationReason);
        await Axe.AssertNoSeriousViolationsAsync(visitor, "the verification of a revoked certificate");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "certificate-verify-revoked.png"), FullPage = true });

        await visitor.GotoAsync($"/verify/{valid[..^1]}{(valid[^1] == 'A' ? 'B' : 'A')}");
        await Expect(visitor.Locator("#verification-problem")).ToContainTextAsync("Nie znaleziono certyfikatu o numerze");

        // The holder downloads theirs and finds its public page.
        var holder = await SignedInAsync("kandydat@demo.pl");
        await holder.GetByRole(AriaRole.Link, new() { Name = "Moje certyfikaty" }).ClickAsync();
        var row = holder.Locator($"#certificates tr[data-number='{valid}']");
        await Expect(row).ToContainTextAsync("ważny");
        await Axe.AssertNoSeriousViolationsAsync(holder, "the holder's certificates");
        var download = await holder.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "Pobierz PDF" }).ClickAsync());
        Assert.Matches(PdfName(), download.SuggestedFilename);
        await download.SaveAsAsync(Path.Combine(AppContext.BaseDirectory, "certificate-demo.pdf"));
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
        {
            Assert.Contains("Jan Kandydacki", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        }

        await row.GetByRole(AriaRole.Link, new() { Name = "Strona weryfikacji" }).ClickAsync();
        await Expect(holder.Locator("#certificate-holder")).ToHaveTextAsync("Jan Kandydacki");

        // The system administrator sees why the other one was revoked.
        var admin = await SignedInAsync("admin@demo.pl");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Certyfikaty" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = revoked }).ClickAsync();
        await Expect(admin.Locator("#revocation-reason")).ToHaveTextAsync(CertificateDemo.RevocationReason);
        await Axe.AssertNoSeriousViolationsAsync(admin, "a revoked certificate's details");
    }

    [Fact]
    public async Task The_office_issues_a_sessions_missing_certificates_and_watches_the_progress()
    {
        var portal = browser.Portal;
        var (session, _) = await portal.TheoryDoneAsync(passTheory: true, lastName: "Sesyjny");
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        for (var i = 0; i < 12; i++)
        {
            await portal.Database.DecidedWithoutCertificateAsync(session, await portal.PersonAsync("Zbigniew", $"Zbiorczy{i:D2}"), DecisionOutcome.Positive, at);
        }

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync($"/Exams/Sessions/Details/{session}");
        await Axe.AssertNoSeriousViolationsAsync(office, "a session's certificates before the bulk issue");
        await office.Locator("#issue-certificates").ClickAsync();

        // The page follows the run and reloads itself when it is over.
        await Expect(office.Locator("#issue-result")).ToHaveTextAsync("Wydano certyfikaty: 12 z 12.", new() { Timeout = 60_000 });
        await Expect(office.Locator("#session-certificate-list tbody tr")).ToHaveCountAsync(12);
        await Expect(office.Locator("#nothing-to-issue")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(office, "a session's certificates after the bulk issue");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Witaj") })).ToBeVisibleAsync();
        return page;
    }

    [GeneratedRegex(@"^certyfikat-CRM-\d{4}-\d{6}-[0-9A-Z]-v1\.pdf$")]
    private static partial Regex PdfName();
}
