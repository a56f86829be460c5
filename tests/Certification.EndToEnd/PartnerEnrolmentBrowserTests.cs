using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// The extranet as a partner administrator uses it: two people enrolled on a training with one place,
/// one resigns, the waiting one is promoted — and every step's e-mail is in the dev mailbox.
/// </summary>
public sealed class PartnerEnrolmentBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_partner_enrols_two_one_resigns_the_waiting_one_is_promoted_and_the_mails_are_in_the_mailbox()
    {
        var grains = browser.Portal.Grains;
        var client = Guid.NewGuid();
        await grains.GetGrain<IClientGrain>(client).CreateAsync(
            new ClientDetails("Gmina Kórnik", ClientKind.Municipality, TestNip.For(client), null, new Address("pl. Niepodległości 1", "62-035", "Kórnik"), []));
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (first, last) in new[] { ("Halina", $"Pierwsza{tag}"), ("Grażyna", $"Druga{tag}") })
        {
            await grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(
                new PersonDetails(first, last, $"{first.ToLowerInvariant()}.{tag}@kornik.example", null, null, client, null, "Referent"));
        }

        var location = Guid.NewGuid();
        await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala Wronia", "ul. Wronia 1", "Poznań", "Poznań"));
        var order = Guid.NewGuid();
        var title = $"RODO w urzędzie {tag}";
        await grains.GetGrain<ITrainingOrderGrain>(order).CreateAsync(OrderTypes.DefaultId, new OrderDetails(
            title, null, [new(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), new TimeOnly(9, 0), new TimeOnly(13, 0))], location, null, 200m, 1,
            OrderVisibility.Restricted, [client]), "office");
        await grains.GetGrain<ITrainingOrderGrain>(order).MoveToAsync("enrolment", "office");

        var partner = await browser.NewPageAsync();
        await Scenarios.SignInAsync(partner, await browser.Portal.CreateUserAsync(Roles.PartnerAdmin, clientId: client));
        await partner.GetByRole(AriaRole.Link, new() { Name = "Szkolenia" }).First.ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(partner, "the extranet's trainings");
        await partner.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(partner, "a training in the extranet");
        foreach (var last in new[] { $"Pierwsza{tag}", $"Druga{tag}" })
        {
            await partner.GetByLabel("Pracownik").SelectOptionAsync(new SelectOptionValue { Label = $"{last} {(last.StartsWith("Pierwsza", StringComparison.Ordinal) ? "Halina" : "Grażyna")}" });
            await partner.Locator("#enrol").ClickAsync();
        }

        await Expect(partner.Locator("#our-people")).ToContainTextAsync("na liście rezerwowej");
        await partner.GetByRole(AriaRole.Button, new() { Name = $"Wypisz: Pierwsza{tag} Halina" }).ClickAsync();
        await Expect(partner.Locator("#our-people tr", new() { HasText = $"Druga{tag}" })).ToContainTextAsync("zapisany");
        await Expect(partner.Locator("#our-people tr", new() { HasText = $"Pierwsza{tag}" })).ToContainTextAsync("zrezygnował");

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync($"/Mail?search={tag}");
        var mails = office.Locator("#mail");
        foreach (var subject in new[] { "Potwierdzenie zapisu", "Lista rezerwowa", "Rezygnacja ze szkolenia", "Zwolniło się miejsce" })
        {
            await Expect(mails).ToContainTextAsync($"{subject}: {title}");
        }
    }
}
