using Certification.Portal.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>The office adds a required field shown on the list, fills it on a new person's form and finds it on the list, on pages that pass axe.</summary>
public sealed class CustomFieldBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_required_custom_field_is_asked_for_on_the_person_form_and_shown_on_the_list()
    {
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await page.GotoAsync("/Crm/Fields");
        await page.GetByLabel("Nazwa").FillAsync("Staż w latach");
        await page.GetByLabel("Kartoteka").SelectOptionAsync(new SelectOptionValue { Label = "Osoby" });
        await page.GetByLabel("Rodzaj").SelectOptionAsync(new SelectOptionValue { Label = "liczba" });
        await page.GetByLabel("Wymagane", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Pokazuj na liście").CheckAsync();
        await page.Locator("#save-field").ClickAsync();
        await Expect(page.Locator("#custom-fields")).ToContainTextAsync("Staż w latach");

        await page.GotoAsync("/Crm/People/Create");
        await page.GetByLabel("Imię").FillAsync("Teresa");
        await page.GetByLabel("Nazwisko").FillAsync("Stażowa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await Expect(page.Locator("#custom-field-inputs .field-error")).ToHaveTextAsync("To pole jest wymagane.");
        await Expect(page.GetByLabel("Staż w latach")).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoSeriousViolationsAsync(page, "the person form with a required custom field left empty");

        await page.GetByLabel("Staż w latach").FillAsync("7,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Teresa Stażowa" })).ToBeVisibleAsync();

        await page.GotoAsync("/Crm/People?search=Stażowa");
        await Expect(page.Locator("#people thead")).ToContainTextAsync("Staż w latach");
        await Expect(page.Locator("#people tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#people tbody tr td").Last).ToHaveTextAsync("7,5");
        await Axe.AssertNoSeriousViolationsAsync(page, "the people list with a custom column");
    }
}
