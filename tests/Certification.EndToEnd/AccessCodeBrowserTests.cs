using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// The exam room without accounts: the training administrator prints code slips, a candidate types
/// the code on the sign-in page's link and is in their test. Also the change of a starting password.
/// </summary>
public sealed class AccessCodeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_candidate_without_an_account_starts_the_test_with_the_code_from_the_slip()
    {
        var exam = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var walkIn = Guid.NewGuid();
        var grains = browser.Portal.Grains;
        await grains.GetGrain<IPersonGrain>(walkIn).CreateAsync(new PersonDetails("Łucja", "Bezkontowa", null, null, null, null, null, null));
        var session = grains.GetGrain<IExamSessionGrain>(exam.Session);
        await session.SetRosterAsync((await session.GetAsync())!.Version, [exam.Person, walkIn]);

        var admin = await browser.NewPageAsync();
        await Scenarios.SignInAsync(admin, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await admin.GotoAsync($"/Exams/Sessions/Details/{exam.Session}");
        await admin.Locator("#issue-codes").ClickAsync();
        var slip = admin.Locator(".slip").Filter(new() { HasText = "Bezkontowa Łucja" });
        await Expect(slip).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(admin, "the session page with code slips");
        var code = await slip.Locator(".code").InnerTextAsync();

        var candidate = await browser.NewPageAsync();
        await candidate.GotoAsync("/Account/Login");
        await candidate.Locator("#access-code-link").ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(candidate, "the access-code page");
        await candidate.GetByLabel("Kod dostępu").FillAsync("zła-1");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij" }).ClickAsync();
        await Expect(candidate.Locator("#code-error")).ToContainTextAsync("Nieprawidłowy kod dostępu");
        await candidate.GetByLabel("Kod dostępu").FillAsync(code.ToLowerInvariant());
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij" }).ClickAsync();

        await Expect(candidate.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 1 z 30" })).ToBeVisibleAsync();
        await candidate.Locator("#question label.option").First.ClickAsync();
        await Expect(candidate.Locator("#connection")).ToHaveTextAsync("Wszystkie odpowiedzi zapisane");
        Assert.Equal(1, (await grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(exam.Session, walkIn)).GetBoardRowAsync())!.Answered);
    }

    [Fact]
    public async Task A_user_with_a_starting_password_chooses_their_own_before_anything_else()
    {
        var email = $"nowy-{Guid.NewGuid():N}@test.pl";
        const string starting = "Haslo-Startowe-1";
        var accounts = browser.Portal.Services.GetRequiredService<AccountAdministration>();
        await accounts.CreateAsync(new AccountDetails(email, "Nowy Kandydat", [Roles.Candidate], null, false, null, MustChangePassword: true), starting);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(starting);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await Expect(page.Locator("#password-required")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the change of a starting password");

        await page.GetByLabel("Obecne hasło").FillAsync(starting);
        await page.GetByLabel("Nowe hasło (co najmniej 10 znaków)").FillAsync("Moje-Haslo-2026");
        await page.GetByLabel("Powtórz nowe hasło").FillAsync("Moje-Haslo-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zmień hasło" }).ClickAsync();
        await Expect(page.GetByText("Powtórzone hasło różni się od nowego.")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the change of password with an error");

        await page.GetByLabel("Obecne hasło").FillAsync(starting);
        await page.GetByLabel("Nowe hasło (co najmniej 10 znaków)").FillAsync("Moje-Haslo-2026");
        await page.GetByLabel("Powtórz nowe hasło").FillAsync("Moje-Haslo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zmień hasło" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Witaj") })).ToBeVisibleAsync();
    }
}
