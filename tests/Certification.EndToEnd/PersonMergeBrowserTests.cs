using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>The office finds a person's second record from their page, compares the two, keeps a value of each, and merges them.</summary>
public sealed class PersonMergeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_merges_a_duplicate_from_the_persons_page_and_the_merge_page_passes_axe()
    {
        var grains = browser.Portal.Grains;
        var client = Guid.NewGuid();
        await grains.GetGrain<IClientGrain>(client).CreateAsync(
            new ClientDetails("Gmina Dwojaki", ClientKind.Municipality, TestNip.For(client), null, new Address("ul. Rynek 1", "62-035", "Kórnik"), ["Urząd Gminy"]));
        var email = $"marta.{client:N}@dwojaki.pl";
        var kept = await PastEmployment.CreateAsync(
            grains, browser.Portal.Database, new PersonDetails("Marta", "Dwojak", email, null, null, client, "Urząd Gminy", "Referentka"), 300);
        var duplicate = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(duplicate).CreateAsync(new PersonDetails("Marta", "Dwojak", email, "+48 61 222 33 44", null, client, "Urząd Gminy", "Podinspektorka"));

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync($"/Crm/People/Details/{kept}");
        await Expect(office.Locator("#person-duplicates")).ToContainTextAsync("Dwojak Marta");
        await office.Locator("#person-merge").ClickAsync();
        await Expect(office.Locator("#merge-suggestions li")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(office, "the merge page choosing the other record");

        await office.Locator("#merge-suggestions a").First.ClickAsync();
        await Expect(office.Locator("#merge-compare")).ToContainTextAsync("+48 61 222 33 44");
        await Axe.AssertNoSeriousViolationsAsync(office, "the merge page comparing two records");
        await office.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "person-merge.png"), FullPage = true });
        await office.Locator("tr[data-field='Phone']").GetByLabel("Telefon: +48 61 222 33 44").CheckAsync();
        await office.Locator("tr[data-field='Job']").GetByLabel("Obecne zatrudnienie: Gmina Dwojaki · Urząd Gminy · Referentka").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Scal kartoteki" }).ClickAsync();

        await Expect(office).ToHaveURLAsync(new Uri(browser.BaseAddress, $"/Crm/People/Details/{kept}").ToString());
        await Expect(office.Locator(".facts")).ToContainTextAsync("+48 61 222 33 44");
        await Expect(office.Locator("#person-merges")).ToContainTextAsync("Marta Dwojak");
        await Expect(office.Locator("#employment tbody tr")).ToHaveCountAsync(2);
        await Expect(office.Locator("#employment")).ToContainTextAsync("scalonej: Marta Dwojak");
        await Expect(office.Locator("#person-duplicates")).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(office, "a person with a merged record");

        await office.GotoAsync($"/Crm/People/Details/{duplicate}");
        await Expect(office).ToHaveURLAsync(new Uri(browser.BaseAddress, $"/Crm/People/Details/{kept}").ToString());
        await office.Locator("#person-history").ClickAsync();
        await Expect(office.Locator("#contact-history tbody tr[data-kind='person.merged']")).ToContainTextAsync("Telefon");
    }
}
