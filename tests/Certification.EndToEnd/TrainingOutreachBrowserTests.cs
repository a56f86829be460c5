using Certification.Consents;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Training;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>Reaching people: a visitor enrols on the public page, the office invites a segment, consents and custom fields — each page checked with axe.</summary>
public sealed class TrainingOutreachBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_enrols_and_the_office_invites_a_segment_on_pages_that_pass_axe()
    {
        var grains = browser.Portal.Grains;
        var location = Guid.NewGuid();
        await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala Wronia", "ul. Wronia 1", "Poznań", "Poznań"));
        var order = Guid.NewGuid();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await grains.GetGrain<ITrainingOrderGrain>(order).CreateAsync(OrderTypes.DefaultId, new OrderDetails(
            $"Otwarte warsztaty {tag}", "Dla wszystkich.", [new(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(12), new TimeOnly(10, 0), new TimeOnly(14, 0))],
            location, null, 150m, 20, OrderVisibility.Public, []), "office");
        await grains.GetGrain<ITrainingOrderGrain>(order).MoveToAsync("enrolment", "office");
        var invitee = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(invitee).CreateAsync(new PersonDetails("Irena", $"Zaproszona{tag}", $"irena.{tag}@example.pl", null, null, null, null, null));
        await grains.GetGrain<IPersonConsentsGrain>(invitee).RecordAsync(ConsentPurpose.Marketing, true, "formularz papierowy", "office");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/Account/Login");
        await visitor.Locator("#open-trainings-link").ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor, "the public list of trainings");
        await visitor.GetByRole(AriaRole.Link, new() { Name = $"Otwarte warsztaty {tag}" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor, "the registration page");
        await visitor.GetByLabel("Imię", new() { Exact = true }).FillAsync("Zenon");
        await visitor.GetByLabel("Nazwisko", new() { Exact = true }).FillAsync($"Samodzielny{tag}");
        await visitor.GetByLabel("E-mail", new() { Exact = true }).FillAsync($"zenon.{tag}@example.pl");
        await visitor.Locator("#register").ClickAsync();
        await Expect(visitor.Locator("[data-valmsg-for=AcceptsTerms]")).ToContainTextAsync("zaakceptuj regulamin");
        await Axe.AssertNoSeriousViolationsAsync(visitor, "the registration page with an error");
        await visitor.Locator("#AcceptsTerms").CheckAsync();
        await visitor.Locator("#register").ClickAsync();
        await Expect(visitor.Locator("#registration-result")).ToContainTextAsync("wysłaliśmy link potwierdzający");
        var mail = await browser.Portal.Database.ScalarAsync<string>(
            $"SELECT text_body FROM mail_message WHERE to_address = 'zenon.{tag}@example.pl' AND kind = 'training.registration_confirm'");
        // The link names the public address of the institution; the test's portal listens elsewhere.
        await visitor.GotoAsync(new Uri(System.Text.RegularExpressions.Regex.Match(mail!, @"http\S+/Trainings/Confirm/\S+").Value).PathAndQuery);
        await Axe.AssertNoSeriousViolationsAsync(visitor, "the confirmation page");
        await visitor.Locator("#confirm").ClickAsync();
        await Expect(visitor.Locator("#confirmation-result")).ToContainTextAsync("Jesteś zapisany(-a)");

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync($"/Training/Orders/Details/{order}");
        await Expect(office.Locator("#participants")).ToContainTextAsync($"Samodzielny{tag} Zenon");
        await office.Locator("#invite").ClickAsync();
        await office.GotoAsync($"/Training/Orders/Invite/{order}?city=&since=&attended=&field=&fieldValue=&kinds=");
        await Axe.AssertNoSeriousViolationsAsync(office, "the invitation page");
        await office.GotoAsync($"/Crm/Consents/{invitee}");
        await Expect(office.Locator("#consent-marketing")).ToHaveTextAsync("zgoda udzielona");
        await Axe.AssertNoSeriousViolationsAsync(office, "a person's consents");
        await office.GotoAsync("/Crm/Fields");
        await Axe.AssertNoSeriousViolationsAsync(office, "the custom fields");
        await office.GotoAsync("/Training/Setup");
        await Axe.AssertNoSeriousViolationsAsync(office, "the training settings");
        await office.GotoAsync("/Training/Setup/Type?id=szkolenie");
        await Axe.AssertNoSeriousViolationsAsync(office, "the order type editor");
    }
}
