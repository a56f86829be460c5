using System.Globalization;
using Certification.Portal.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// What a newcomer does after <c>./run.sh</c> (issue #6, "done when"), on the demo data and with the demo logins only:
/// the demo candidate downloads a certificate, opens its verification page by number, asks for the renewal of the one
/// that expires soon with an employer's statement; the office accepts it; the system administrator revokes it; the
/// verification page says so at once.
/// </summary>
public sealed class NewcomerCertificateWalkthroughTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_candidate_downloads_verifies_and_renews_a_certificate_which_the_administrator_then_revokes()
    {
        await browser.Portal.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var oldest = await browser.Portal.Database.ScalarAsync<string>(
            """
            SELECT c.number || ' ' || c.issued_on::text FROM certificate c JOIN user_account u ON u.person_id = c.person_id
            WHERE u.email = 'kandydat@demo.pl' AND c.revoked_at IS NULL ORDER BY c.issued_on LIMIT 1
            """);
        var number = oldest!.Split(' ')[0];
        var issuedOn = DateOnly.ParseExact(oldest.Split(' ')[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.True(today.DayNumber - issuedOn.DayNumber > 365 * 2, "the demo's older certificate leaves room for two years of work");

        var holder = await SignedInAsync("kandydat@demo.pl");
        await holder.GotoAsync("/Certificates");
        var row = holder.Locator($"#certificates tr[data-number='{number}']");
        var pdf = await holder.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "Pobierz PDF" }).ClickAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync((await pdf.PathAsync())!))[..4]));

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/verify/{number}");
        await Expect(visitor.Locator("#certificate-status")).ToHaveAttributeAsync("data-status", "Valid");
        await Expect(visitor.Locator("main")).ToContainTextAsync("Jan Kandydacki");

        var evidence = Path.Combine(AppContext.BaseDirectory, "zaswiadczenie-nowicjusza.pdf");
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4\n% zaświadczenie pracodawcy o pracy z systemem CRM\n"u8.ToArray());
        await row.GetByRole(AriaRole.Link, new() { Name = "Przedłużenie" }).ClickAsync();
        await holder.GetByLabel("Od").First.FillAsync(today.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await holder.GetByLabel("Do", new() { Exact = true }).First.FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await holder.GetByLabel("Pracodawca i opis pracy").First.FillAsync("Hurtownia Kórnicka sp. z o.o., opiekun klientów");
        await holder.Locator("#evidence-0").SetInputFilesAsync(evidence);
        await holder.GetByRole(AriaRole.Button, new() { Name = "Złóż wniosek" }).ClickAsync();
        await Expect(holder.Locator("#renewal-submitted")).ToBeVisibleAsync();

        var office = await SignedInAsync("szkolenia@demo.pl");
        await office.GotoAsync("/Certificates/Admin");
        await office.Locator("#renewals-link").ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Przyjmij i przedłuż" }).ClickAsync();
        await Expect(office.Locator("#renewal-status")).ToHaveAttributeAsync("data-status", "Accepted");
        await visitor.ReloadAsync();
        await Expect(visitor.Locator("#certificate-status")).ToContainTextAsync("ważność przedłużono do");

        var admin = await SignedInAsync("admin@demo.pl");
        await admin.GotoAsync($"/Certificates/Admin/Details/{number.Replace('/', '-')}");
        await admin.Locator("#reason").FillAsync("Certyfikat wydano na podstawie błędnych danych pracodawcy.");
        await admin.Locator("#revoke").ClickAsync();
        await visitor.ReloadAsync();
        await Expect(visitor.Locator("#certificate-status")).ToHaveAttributeAsync("data-status", "Revoked");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, email, DemoSeeder.Password);
        return page;
    }
}
