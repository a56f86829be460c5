using System.Text;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

public sealed class CrmImportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Training_admin_sees_a_bad_row_fixes_the_file_and_imports_people()
    {
        var clientId = Guid.NewGuid();
        var nip = TestNip.For(clientId);
        await browser.Portal.Grains.GetGrain<IClientGrain>(clientId).CreateAsync(
            new ClientDetails("Gmina Importowo", ClientKind.Municipality, nip, null, new Address("ul. Rynek 1", "62-035", "Kórnik"), []));
        var u = Guid.NewGuid().ToString("N")[..8];
        const string Header = "Imię;Nazwisko;E-mail;Telefon;PESEL;NIP organizacji;Jednostka;Stanowisko";
        var good = $"Zofia;Źdźbło;zofia-{u}@test.pl;;;{nip};;Inspektor";
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));

        await page.GotoAsync("/Crm/People");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import z pliku" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import z pliku", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the import page");
        await page.GetByLabel("Osoby (pracowników klientów)").CheckAsync();
        await page.GetByLabel("Plik CSV lub XLSX").SetInputFilesAsync(Csv("osoby.csv", Header, good, $"Jan;Nowak;jan-{u}@test.pl;;44051401358;{nip};;"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sprawdź plik" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Raport importu" })).ToBeVisibleAsync();
        await Expect(page.Locator("#row-2")).ToContainTextAsync("OK");
        await Expect(page.Locator("#row-3")).ToContainTextAsync("PESEL: PESEL jest nieprawidłowy: cyfra kontrolna się nie zgadza.");
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Nic nie zapisano.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zatwierdź import" })).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page, "an import report with errors");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wczytaj poprawiony plik" }).ClickAsync();
        await page.GetByLabel("Osoby (pracowników klientów)").CheckAsync();
        await page.GetByLabel("Plik CSV lub XLSX").SetInputFilesAsync(Csv("osoby.csv", Header, good, $"Jan;Nowak;jan-{u}@test.pl;;44051401359;{nip};;"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sprawdź plik" }).ClickAsync();
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Wszystkie wiersze są poprawne (2).");
        await Axe.AssertNoSeriousViolationsAsync(page, "an import report ready to commit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zatwierdź import" }).ClickAsync();

        await Expect(page.Locator("#import-result")).ToHaveTextAsync("Zaimportowano: 2 z 2 wierszy.");
        await page.Locator("#row-2").GetByRole(AriaRole.Link, new() { Name = "Utworzono" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zofia Źdźbło" })).ToBeVisibleAsync();

        await page.GotoAsync("/Crm/Import");
        await Expect(page.Locator("#imports tbody tr").First).ToContainTextAsync("Zaimportowany");
    }

    private static FilePayload Csv(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n") };
}
