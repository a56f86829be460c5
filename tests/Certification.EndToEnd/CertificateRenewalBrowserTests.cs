using System.Globalization;
using System.Text.RegularExpressions;
using Certification.Certificates;
using Certification.Common;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Qualifications;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// Renewal in a browser: the holder of a certificate issued three years ago states a year of CRM work and uploads an
/// employer's statement; a training administrator opens the evidence and accepts; the verification page shows the
/// renewed validity. Every page passes axe.
/// </summary>
public sealed class CertificateRenewalBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_holder_submits_evidence_and_the_reviewer_accepts_the_renewal()
    {
        var portal = browser.Portal;
        var today = PolishDate.Of(portal.Services.GetRequiredKeyedService<TimeProvider>(ExamClock.Key).GetUtcNow());
        var issuedOn = today.AddYears(-3);
        var person = Guid.NewGuid();
        Assert.True((await portal.Grains.GetGrain<IPersonGrain>(person).CreateAsync(
            new PersonDetails("Roman", "Odnawiający", $"{person:N}@example.com", null, null, null, null, null))).Succeeded);
        var number = (await new CertificateNumbers(portal.Database.DataSource).ReserveAsync(Guid.NewGuid(), person, "CRM", issuedOn)).Number.ToString();
        Assert.True((await portal.Grains.GetGrain<ICertificateGrain>(number).IssueAsync(
            new CertificateIssue(
                Guid.NewGuid(), person, "Roman Odnawiający", null, "CRM-PRK4", new LocalizedText("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", null), 4,
                [new CertifiedOutcomeSet("1", new LocalizedText("Budowanie bazy klientów", null), 4, [])], issuedOn, 5, Institution.DefaultName, issuedOn),
            "office")).Succeeded);
        var evidence = Path.Combine(AppContext.BaseDirectory, "zaswiadczenie-pracodawcy.pdf");
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4\n% zaświadczenie pracodawcy o pracy z systemem CRM\n"u8.ToArray());

        var holder = await SignedInAsync(await portal.CreateUserAsync(Roles.Candidate, personId: person));
        await holder.GotoAsync("/Certificates");
        await holder.Locator($"#certificates tr[data-number='{number}']").GetByRole(AriaRole.Link, new() { Name = "Przedłużenie" }).ClickAsync();
        await holder.GetByLabel("Od").First.FillAsync(today.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await holder.GetByLabel("Do", new() { Exact = true }).First.FillAsync(today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await holder.GetByLabel("Pracodawca i opis pracy").First.FillAsync("ACME sp. z o.o., opiekun klienta");
        await holder.Locator("#evidence-0").SetInputFilesAsync(evidence);
        await Axe.AssertNoSeriousViolationsAsync(holder, "the renewal request form");
        await holder.GetByRole(AriaRole.Button, new() { Name = "Złóż wniosek" }).ClickAsync();
        await Expect(holder.Locator("#renewal-submitted")).ToBeVisibleAsync();

        var reviewer = await SignedInAsync(await portal.CreateUserAsync(Roles.TrainingAdmin));
        await reviewer.GotoAsync("/Certificates/Admin");
        await reviewer.Locator("#renewals-link").ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(reviewer.Locator("#periods")).ToContainTextAsync("ACME sp. z o.o., opiekun klienta");
        await Expect(reviewer.Locator("#assessment")).ToContainTextAsync("Policzono");
        await Axe.AssertNoSeriousViolationsAsync(reviewer, "a renewal request");
        var download = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.GetByRole(AriaRole.Link, new() { Name = "zaswiadczenie-pracodawcy.pdf" }).ClickAsync());
        Assert.Equal(await File.ReadAllBytesAsync(evidence), await File.ReadAllBytesAsync((await download.PathAsync())!));
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Przyjmij i przedłuż" }).ClickAsync();
        await Expect(reviewer.Locator("#renewal-status")).ToHaveAttributeAsync("data-status", "Accepted");

        var renewed = today.AddYears(2).AddYears(5).ToString("d", CultureInfo.GetCultureInfo("pl-PL"));
        await holder.GotoAsync("/Certificates");
        await Expect(holder.Locator($"#certificates tr[data-number='{number}']")).ToContainTextAsync($"Przedłużono do {renewed}");
        await holder.GotoAsync($"/verify/{number}");
        var polish = CultureInfo.GetCultureInfo("pl-PL");
        await Expect(holder.Locator("#certificate-status")).ToContainTextAsync("ważność przedłużono do");
        await Expect(holder.Locator("#certificate-valid-until")).ToHaveTextAsync(today.AddYears(7).ToString("d MMMM yyyy", polish));
        await holder.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "certificate-renewed-verify.png"), FullPage = true });
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(PortalHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Witaj") })).ToBeVisibleAsync();
        return page;
    }
}
