using Certification.Portal.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

public sealed class ClientCrmTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Training_admin_fixes_a_wrong_nip_and_finds_the_new_client()
    {
        var email = await browser.Portal.CreateUserAsync(Roles.TrainingAdmin);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logowanie" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(Certification.Testing.PortalHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Klienci", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dodaj klienta" }).ClickAsync();
        await page.GetByLabel("Nazwa").FillAsync("Gmina Źródła Wielkie");
        await page.GetByLabel("Rodzaj").SelectOptionAsync(new SelectOptionValue { Label = "Gmina" });
        await page.GetByLabel("NIP").FillAsync("856-734-62-16");
        await page.GetByLabel("Ulica i numer").FillAsync("ul. Łąkowa 5");
        await page.GetByLabel("Kod pocztowy").FillAsync("62-035");
        await page.GetByLabel("Miejscowość").FillAsync("Źródła");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();

        await Expect(page.GetByText("NIP jest nieprawidłowy: cyfra kontrolna się nie zgadza.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Nazwa")).ToHaveValueAsync("Gmina Źródła Wielkie");

        await page.GetByLabel("NIP").FillAsync("856-734-62-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gmina Źródła Wielkie" })).ToBeVisibleAsync();
        await Expect(page.Locator("#client-nip")).ToHaveTextAsync("8567346215");

        await page.GetByRole(AriaRole.Link, new() { Name = "Klienci", Exact = true }).First.ClickAsync();
        await page.GetByPlaceholder("Nazwa, NIP lub miejscowość").FillAsync("Źródła");
        await page.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();
        await Expect(page.Locator("#clients tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#clients")).ToContainTextAsync("Gmina Źródła Wielkie");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "clients-list.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logowanie" })).ToBeVisibleAsync();
        await page.GotoAsync("/Crm/Clients");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}
