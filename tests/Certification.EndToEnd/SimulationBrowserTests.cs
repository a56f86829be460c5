using Certification.ExamSimulator.Sandbox;
using Certification.Simulation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>A candidate in the simulated CRM, with a mouse and with the keyboard alone; everything survives a reload.</summary>
public sealed class SimulationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_candidate_creates_an_account_wins_an_opportunity_and_sends_an_offer_pdf_and_finds_it_all_after_a_reload()
    {
        var (session, person, email, _) = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Moje egzaminy" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Przejdź do symulacji CRM" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Arkusz zadań" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the simulation's start page");

        // A new account with a contact.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Moduły CRM" }).GetByRole(AriaRole.Link, new() { Name = "Klienci" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the account list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dodaj klienta" }).ClickAsync();
        await page.GetByLabel("Nazwa", new() { Exact = true }).FillAsync("Hurtownia Kórnicka sp. z o.o.");
        await page.GetByLabel("Miejscowość").FillAsync("Kórnik");
        await page.GetByRole(AriaRole.Button, new() { Name = "Utwórz klienta" }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("Hurtownia Kórnicka");
        await page.Locator(".sim-main summary", new() { HasText = "Dodaj osobę kontaktową" }).ClickAsync();
        await page.GetByLabel("Imię", new() { Exact = true }).FillAsync("Anna");
        await page.GetByLabel("Nazwisko").FillAsync("Kórnicka");
        await page.Locator("#NewContact_Email").FillAsync("anna@hurtownia-kornik.pl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dodaj osobę" }).ClickAsync();
        await Expect(page.Locator("#account-contacts")).ToContainTextAsync("Anna Kórnicka");

        // The board: one opportunity moved to the next stage with the keyboard alone, one dragged to "won".
        var grain = browser.Portal.Grains.Simulation(session, person);
        var state = (await grain.GetStateAsync())!;
        var movable = Movable(state);
        var next = state.FindStage(movable.StageId)!.Value;
        var nextStage = next.Pipeline.Stages[next.Index + 1];
        await page.GetByRole(AriaRole.Link, new() { Name = "Lejek sprzedaży" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the pipeline board");
        var select = page.Locator($"#move-{movable.Id}");
        await select.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(select).ToHaveValueAsync(nextStage.Id);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($".column[data-stage='{nextStage.Id}'] #card-{movable.Id}")).ToBeVisibleAsync();
        await Expect(page.Locator($"#move-{movable.Id}")).ToBeFocusedAsync();

        var winnable = Winnable((await grain.GetStateAsync())!, movable.Id);
        // The drag is dispatched as the browser would (Playwright's mouse-driven drag does not reach this Chromium build).
        var transfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
        await page.Locator($"#card-{winnable.Id}").DispatchEventAsync("dragstart", new { dataTransfer = transfer });
        await page.Locator(".column.won h2").DispatchEventAsync("dragover", new { dataTransfer = transfer });
        await page.Locator(".column.won h2").DispatchEventAsync("drop", new { dataTransfer = transfer });
        await Expect(page.Locator($".column.won #card-{winnable.Id}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "simulation-board.png") });

        // A template with a tag from the picker, then an offer for the new contact as PDF, sent.
        await page.GetByRole(AriaRole.Link, new() { Name = "Szablony ofert" }).ClickAsync();
        await page.GetByLabel("Nazwa szablonu").FillAsync("Oferta standardowa");
        await page.Locator("#Body").FillAsync("Szanowni Państwo,\n\nprzesyłamy ofertę dla firmy ");
        await page.GetByRole(AriaRole.Button, new() { Name = "klient.nazwa" }).ClickAsync();
        await page.Locator("#Body").PressSequentiallyAsync(".\n\nZ poważaniem");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz szablon" }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("Oferta standardowa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Podgląd" }).ClickAsync();
        await Expect(page.Locator("#preview")).ToContainTextAsync("przesyłamy ofertę dla firmy");
        await Axe.AssertNoSeriousViolationsAsync(page, "the template editor with a preview");

        await page.GetByRole(AriaRole.Link, new() { Name = "Oferty" }).ClickAsync();
        await page.Locator("#ContactId").SelectOptionAsync(new SelectOptionValue { Label = "Anna Kórnicka (Hurtownia Kórnicka sp. z o.o.)" });
        await page.Locator("select[name='Lines[0].ProductId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("input[name='Lines[0].Quantity']").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generuj ofertę" }).ClickAsync();
        await Expect(page.Locator("#offer")).ToContainTextAsync("przesyłamy ofertę dla firmy Hurtownia Kórnicka sp. z o.o.");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#offer-pdf").ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij ofertę do anna@hurtownia-kornik.pl" }).ClickAsync();
        await Expect(page.Locator("#offer-sent")).ToContainTextAsync("anna@hurtownia-kornik.pl");
        await Axe.AssertNoSeriousViolationsAsync(page, "an offer sent");

        // A reload resumes the work: everything is there, including the offer in the account's history.
        await page.ReloadAsync();
        await Expect(page.Locator("#offer-sent")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lejek sprzedaży" }).ClickAsync();
        await Expect(page.Locator($".column.won #card-{winnable.Id}")).ToBeVisibleAsync();
        await Expect(page.Locator($".column[data-stage='{nextStage.Id}'] #card-{movable.Id}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Moduły CRM" }).GetByRole(AriaRole.Link, new() { Name = "Klienci" }).ClickAsync();
        await page.GetByLabel("Szukaj").FillAsync("kornicka");
        await page.GetByRole(AriaRole.Button, new() { Name = "Szukaj" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hurtownia Kórnicka sp. z o.o." }).ClickAsync();
        await Expect(page.Locator("#account-history")).ToContainTextAsync("Wysłana oferta");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "simulation-account.png"), FullPage = true });

        // A report of the value per stage as a bar chart, exported to CSV.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Moduły CRM" }).GetByRole(AriaRole.Link, new() { Name = "Raporty" }).ClickAsync();
        await page.GetByLabel("Nazwa raportu").FillAsync("Wartość szans na etapach");
        await page.GetByLabel("Grupuj według").SelectOptionAsync("stage");
        await page.Locator("#agg-0").SelectOptionAsync("Sum");
        await page.Locator("#agg-field-0").SelectOptionAsync("value");
        await page.GetByLabel("Forma prezentacji").SelectOptionAsync("Bar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zapisz raport" }).ClickAsync();
        await Expect(page.Locator("#report-result")).ToContainTextAsync("Wartość szans na etapach");
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart(document.getElementById('report-chart')) !== undefined"));
        await Axe.AssertNoSeriousViolationsAsync(page, "a report with a chart");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "simulation-report.png") });
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        Assert.Contains("Etap", await File.ReadAllTextAsync((await csv.PathAsync())!), StringComparison.Ordinal);

        foreach (var (link, what) in new[] { ("Zadania", "the task list"), ("Segmenty", "the segments"), ("Historia działań", "the action history") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Moduły CRM" }).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, what);
        }

        var actions = await grain.GetActionsAsync(0);
        Assert.Contains(actions, a => a.Command == "opportunity.close" && a.Accepted);
        Assert.Contains(actions, a => a.Command == "offer.send" && a.Accepted);
        Assert.Contains(actions, a => a.Command == "report.export" && a.Accepted);
    }

    /// <summary>An open opportunity whose stage has nothing left to do and a next stage to go to.</summary>
    private static Opportunity Movable(SandboxState state) => state.Opportunities.First(o =>
        o.Status == OpportunityStatus.Open &&
        o.Activities.All(a => a.StageId != o.StageId || a.Done) &&
        state.FindStage(o.StageId) is { } stage && stage.Index + 1 < stage.Pipeline.Stages.Count &&
        state.Pipelines[0].Id == o.PipelineId);

    private static Opportunity Winnable(SandboxState state, string except) => state.Opportunities.First(o =>
        o.Id != except && o.Status == OpportunityStatus.Open && state.Pipelines[0].Id == o.PipelineId &&
        o.Activities.All(a => a.StageId != o.StageId || a.Done));
}
