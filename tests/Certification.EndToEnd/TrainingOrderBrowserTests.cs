using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Training;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>The training office in a browser: the list, the calendar, an order's page; enrolment past capacity and attendance.</summary>
public sealed class TrainingOrderBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_enrols_past_capacity_records_attendance_and_every_page_passes_axe()
    {
        var grains = browser.Portal.Grains;
        var location = Guid.NewGuid();
        await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala Wronia", "ul. Wronia 1", "Poznań", "Poznań"));
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var order = Guid.NewGuid();
        await grains.GetGrain<ITrainingOrderGrain>(order).CreateAsync(
            OrderTypes.DefaultId,
            new OrderDetails("Warsztaty CRM dla urzędów", null, [new(day, new TimeOnly(9, 0), new TimeOnly(15, 0))], location, null, 390m, 1, OrderVisibility.Public, []),
            "office");
        foreach (var first in new[] { "Żaneta", "Łukasz" })
        {
            await grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(new PersonDetails(first, "Przeglądarkowy", null, null, null, null, null, null));
        }

        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await page.GetByRole(AriaRole.Link, new() { Name = "Szkolenia" }).First.ClickAsync();
        await Expect(page.Locator("#orders")).ToContainTextAsync("Warsztaty CRM dla urzędów");
        await Axe.AssertNoSeriousViolationsAsync(page, "the list of training orders");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kalendarz" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the calendar of training orders");
        await page.GotoAsync("/Training/Orders/Create");
        await Axe.AssertNoSeriousViolationsAsync(page, "the order form");

        await page.GotoAsync($"/Training/Orders/Details/{order}");
        await page.Locator("button[data-phase=enrolment]").ClickAsync();
        await Expect(page.Locator("#order-phase")).ToHaveTextAsync("Zapisy otwarte");
        await page.GetByLabel("Szukaj osoby").FillAsync("Przeglądarkowy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz: Przeglądarkowy Żaneta" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz: Przeglądarkowy Łukasz" }).ClickAsync();
        await Expect(page.Locator("#order-places")).ToHaveTextAsync("1 zapisanych z 1, 1 na liście rezerwowej");
        await Expect(page.Locator("#waiting")).ToContainTextAsync("Przeglądarkowy Łukasz");
        await Axe.AssertNoSeriousViolationsAsync(page, "an order with participants and a waiting list");

        await page.GetByRole(AriaRole.Button, new() { Name = "Wypisz: Przeglądarkowy Żaneta" }).ClickAsync();
        await Expect(page.Locator("#participants")).ToContainTextAsync("Przeglądarkowy Łukasz");
        foreach (var phase in new[] { "closed", "delivered" })
        {
            await page.Locator($"button[data-phase={phase}]").ClickAsync();
        }

        await page.GetByLabel($"Przeglądarkowy Łukasz, {day.ToString("d", new System.Globalization.CultureInfo("pl-PL"))}: obecny").CheckAsync();
        await page.Locator("#save-attendance").ClickAsync();
        await Expect(page.Locator("#participants")).ToContainTextAsync("100% ✓");
        await Axe.AssertNoSeriousViolationsAsync(page, "an order with the attendance grid");
    }
}
