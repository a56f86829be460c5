using System.Globalization;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>Employment history and contact history in a browser: the office promotes someone and notes a call, the partner records that they left.</summary>
public sealed class CrmHistoryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_promotes_and_notes_a_call_the_partner_records_leaving_and_every_page_passes_axe()
    {
        var grains = browser.Portal.Grains;
        var client = Guid.NewGuid();
        await grains.GetGrain<IClientGrain>(client).CreateAsync(
            new ClientDetails("Gmina Przeglądarkowo", ClientKind.Municipality, TestNip.For(client), null, new Address("ul. Rynek 1", "62-035", "Kórnik"), ["Urząd Gminy"]));
        var person = await PastEmployment.CreateAsync(
            grains, browser.Portal.Database, new PersonDetails("Żaneta", "Historyczna", null, null, null, client, "Urząd Gminy", "Referentka"), 200);
        var promotedOn = PastEmployment.Today.AddDays(-30);

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync($"/Crm/People/Details/{person}");
        await Expect(office.Locator("#employment tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(office, "a person with their employment history");

        await office.Locator("#person-employment").ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(office, "the employment page of the office");
        await office.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "employment.png"), FullPage = true });
        await office.Locator("#change-job").GetByLabel("Stanowisko").FillAsync("Kierowniczka referatu");
        await office.GetByLabel("Pierwszy dzień w nowej roli").FillAsync(promotedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "Zapisz zmianę pracy" }).ClickAsync();
        await Expect(office.Locator("#employment tbody tr")).ToHaveCountAsync(2);
        await Expect(office.Locator("#employment tbody tr").First).ToContainTextAsync("Kierowniczka referatu");
        await Expect(office.Locator("#employment tbody tr").Last).ToContainTextAsync(promotedOn.AddDays(-1).ToString("d", new CultureInfo("pl-PL")));

        await office.Locator("#person-history").ClickAsync();
        await office.GetByLabel("Rodzaj").First.SelectOptionAsync(new SelectOptionValue { Label = "Rozmowa telefoniczna" });
        await office.GetByLabel("Treść").FillAsync("Pytała o szkolenie z KSeF dla referatu.");
        await office.GetByRole(AriaRole.Button, new() { Name = "Dodaj wpis" }).ClickAsync();
        await Expect(office.Locator("#contact-history tbody tr[data-kind='note.call']")).ToContainTextAsync("Pytała o szkolenie z KSeF");
        await Expect(office.Locator("#contact-history tbody tr[data-kind^='employment.']")).ToHaveCountAsync(2);
        await Axe.AssertNoSeriousViolationsAsync(office, "a person's contact history");
        await office.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "contact-history.png"), FullPage = true });

        await office.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "Notatki, rozmowy i spotkania" });
        await office.GetByRole(AriaRole.Button, new() { Name = "Filtruj" }).ClickAsync();
        await Expect(office.Locator("#contact-history tbody tr")).ToHaveCountAsync(1);

        await office.GotoAsync($"/Crm/Clients/Details/{client}");
        await office.GetByLabel("Rok").FillAsync(PastEmployment.Today.Year.ToString(CultureInfo.InvariantCulture));
        await office.GetByRole(AriaRole.Button, new() { Name = "Pokaż" }).ClickAsync();
        await Expect(office.Locator("#staff")).ToContainTextAsync("Historyczna Żaneta");
        await Axe.AssertNoSeriousViolationsAsync(office, "a client with who worked there in a year");
        await office.Locator("#client-history").ClickAsync();
        await Expect(office.Locator("#contact-history")).ToContainTextAsync("Pytała o szkolenie z KSeF");
        await Axe.AssertNoSeriousViolationsAsync(office, "a client's contact history");

        var partner = await browser.NewPageAsync();
        await Scenarios.SignInAsync(partner, await browser.Portal.CreateUserAsync(Roles.PartnerAdmin, clientId: client));
        await partner.GotoAsync("/Partner/People");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Historyczna Żaneta" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(partner, "a person in the extranet");
        await partner.Locator("#person-employment").ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(partner, "the employment page of the extranet");
        await partner.GetByLabel("Ostatni dzień pracy").FillAsync(PastEmployment.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await partner.GetByRole(AriaRole.Button, new() { Name = "Zapisz odejście" }).ClickAsync();
        await Expect(partner.Locator("#former-staff")).ToBeVisibleAsync();
        await partner.GotoAsync("/Partner/People");
        await Expect(partner.Locator("#people")).Not.ToContainTextAsync("Historyczna");
        await Expect(partner.Locator("#former")).ToContainTextAsync("Historyczna Żaneta");
        await Axe.AssertNoSeriousViolationsAsync(partner, "the extranet's people with former staff");
        await partner.GotoAsync("/Partner/People/Create");
        await Axe.AssertNoSeriousViolationsAsync(partner, "the extranet's new person form");
    }
}
