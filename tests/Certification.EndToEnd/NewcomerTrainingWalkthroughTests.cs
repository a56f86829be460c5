using System.Globalization;
using System.Text.RegularExpressions;
using Certification.Portal.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// What a newcomer does after <c>./run.sh</c> (issue #4, "done when"), on the demo data and with the demo logins:
/// the training administrator creates an order and invites a segment, the demo partner administrator and a visitor
/// enrol, the office records attendance and the participation certificates are downloaded.
/// </summary>
public sealed partial class NewcomerTrainingWalkthroughTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_training_office_runs_an_order_from_creation_to_certificates_on_the_demo_data()
    {
        await browser.Portal.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var title = $"Warsztaty nowicjusza {Guid.NewGuid().ToString("N")[..6]}";
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);

        var office = await SignedInAsync("szkolenia@demo.pl");
        await office.GotoAsync("/Training/Orders/Create");
        await office.GetByLabel("Tytuł szkolenia").FillAsync(title);
        await office.GetByLabel("Miejsce").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.GetByLabel("Cena za uczestnika (zł)").FillAsync("350");
        await office.GetByLabel("Liczba miejsc").FillAsync("10");
        await office.GetByLabel("Dzień 1", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByLabel("Początek dnia 1").FillAsync("09:00");
        await office.GetByLabel("Koniec dnia 1").FillAsync("15:00");
        await office.Locator("input[name='Form.Visibility'][value=Public]").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Zapisz" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var order = Guid.Parse(office.Url.Split('/')[^1].Split('?')[0]);
        await office.Locator("button[data-phase=announced]").ClickAsync();
        await office.Locator("button[data-phase=enrolment]").ClickAsync();
        await Expect(office.Locator("#order-phase")).ToHaveTextAsync("Zapisy otwarte");

        // A segment: the municipalities' people who agreed to news about trainings.
        await office.GotoAsync($"/Training/Orders/Invite/{order}");
        await office.Locator("input[name=kinds][value=Municipality]").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Pokaż osoby" }).ClickAsync();
        await office.Locator("#send-invitations").ClickAsync();
        await Expect(office.GetByText(InvitationsSent())).ToBeVisibleAsync();

        // The demo partner administrator enrols two of their people.
        var partner = await SignedInAsync("partner@demo.pl");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Szkolenia" }).First.ClickAsync();
        await partner.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        for (var i = 0; i < 2; i++)
        {
            await partner.GetByLabel("Pracownik").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await partner.Locator("#enrol").ClickAsync();
            await Expect(partner.Locator("#our-people tbody tr")).ToHaveCountAsync(i + 1);
        }

        // A visitor registers on the public page and confirms by the link the dev mailbox received.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/Trainings");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await visitor.GetByLabel("Imię", new() { Exact = true }).FillAsync("Zuzanna");
        await visitor.GetByLabel("Nazwisko", new() { Exact = true }).FillAsync("Samodzielna");
        await visitor.GetByLabel("E-mail", new() { Exact = true }).FillAsync("zuzanna.samodzielna@example.pl");
        await visitor.Locator("#AcceptsTerms").CheckAsync();
        await visitor.Locator("#register").ClickAsync();
        await Expect(visitor.Locator("#registration-result")).ToContainTextAsync("wysłaliśmy link potwierdzający");
        await office.GotoAsync("/Mail?search=zuzanna.samodzielna");
        await office.GetByRole(AriaRole.Link, new() { Name = $"Potwierdź zapis: {title}" }).ClickAsync();
        var link = ConfirmationLink().Match(await office.Locator("main").InnerTextAsync()).Value;
        await visitor.GotoAsync(new Uri(link).PathAndQuery);
        await visitor.Locator("#confirm").ClickAsync();
        await Expect(visitor.Locator("#confirmation-result")).ToContainTextAsync("Jesteś zapisany(-a)");

        // The office sees all three, delivers the training, records attendance and issues the certificates.
        await office.GotoAsync($"/Training/Orders/Details/{order}");
        await Expect(office.Locator("#participants tbody tr")).ToHaveCountAsync(3);
        await Expect(office.Locator("#participants")).ToContainTextAsync("Samodzielna Zuzanna");
        foreach (var phase in new[] { "closed", "delivered" })
        {
            await office.Locator($"button[data-phase={phase}]").ClickAsync();
        }

        foreach (var present in await office.Locator("input[type=checkbox][aria-label$=': obecny']").AllAsync())
        {
            await present.CheckAsync();
        }

        await office.Locator("#save-attendance").ClickAsync();
        await office.Locator("#issue-certificates").ClickAsync();
        var certificates = office.Locator("#participants a[href*='/Certificates/Training/']");
        await Expect(certificates).ToHaveCountAsync(3);

        await certificates.First.ClickAsync();
        var download = await office.RunAndWaitForDownloadAsync(() => office.Locator("#certificate-pdf").ClickAsync());
        await using var pdf = await download.CreateReadStreamAsync();
        var head = new byte[5];
        await pdf.ReadExactlyAsync(head);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, email, DemoSeeder.Password);
        return page;
    }

    [GeneratedRegex(@"^Wysłano zaproszenia: [1-9]\d*\.")]
    private static partial Regex InvitationsSent();

    [GeneratedRegex(@"http\S+/Trainings/Confirm/\S+")]
    private static partial Regex ConfirmationLink();
}
