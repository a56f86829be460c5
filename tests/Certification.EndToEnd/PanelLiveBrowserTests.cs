using Certification.Assessment;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Accounts;
using Certification.Simulation;
using Certification.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// The panel watching a candidate live, each in their own browser context: what the candidate does in the simulated CRM
/// appears on the assessors' practical page with the checkers' status, without reloading; a note pinned by one assessor
/// appears on the other's screen; both grade and sign.
/// </summary>
public sealed class PanelLiveBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private PortalHost Portal => browser.Portal;

    [Fact]
    public async Task Assessors_see_a_win_and_an_offer_arrive_live_with_their_checkers_turning_met_pin_a_note_grade_and_sign()
    {
        var observed = await Portal.ObservedSimulationAsync("Obserwowana");
        var (session, candidate) = (observed.Session, observed.Candidate);
        var simulation = Portal.Grains.Simulation(session, candidate);
        var exercise = ExamSimulator.Simulation.Start((await simulation.GetAsync())!.Seed).Scenario.Exercise;
        var toWin = (await simulation.GetStateAsync())!.FindOpportunity(exercise.Closes.Single(c => c.Won).OpportunityId)!;
        await PrepareAsync(simulation, exercise, toWin);

        var practical = $"/Assessor/Practical/{session}/{candidate}";
        var anna = await browser.NewPageAsync();
        var piotr = await browser.NewPageAsync();
        await Scenarios.SignInAsync(anna, observed.FirstEmail);
        await Scenarios.SignInAsync(piotr, observed.SecondEmail);
        await anna.GotoAsync(practical);
        await piotr.GotoAsync(practical);
        await Expect(anna.Locator("#live")).ToHaveTextAsync("na żywo");
        await Expect(piotr.Locator("#live")).ToHaveTextAsync("na żywo");
        var closes = anna.Locator("#verdicts tr[data-criterion='2.5.6']");
        var offers = anna.Locator("#verdicts tr[data-criterion='2.4.3']");
        await Expect(closes).ToHaveAttributeAsync("data-verdict", "PartlyMet");
        await Expect(offers).ToHaveAttributeAsync("data-verdict", "NotMet");
        await Axe.AssertNoSeriousViolationsAsync(anna, "the practical page with the live simulation");
        // Whatever arrives from now on must arrive in this very document: a reload would lose the mark.
        await anna.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // The candidate wins the opportunity on the board.
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, await Portal.CreateUserAsync(Roles.Candidate, personId: candidate));
        await page.GotoAsync($"/Candidate/Simulation/{session}/Board?pipeline={toWin.PipelineId}");
        await page.Locator($"#move-{toWin.Id}").SelectOptionAsync("won");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Przenieś „{toWin.Details.Name}”" }).ClickAsync();
        await Expect(page.Locator($".column.won #card-{toWin.Id}")).ToBeVisibleAsync();
        var won = (await simulation.GetActionsAsync(0))[^1];
        Assert.Equal(("opportunity.close", true), (won.Command, won.Accepted));

        await Expect(anna.Locator($"#action-stream tbody tr").First).ToHaveAttributeAsync("id", $"action-{won.Sequence}");
        await Expect(anna.Locator($"#action-{won.Sequence}")).ToContainTextAsync(won.Summary);
        await Expect(closes).ToHaveAttributeAsync("data-verdict", "Met");
        await Expect(closes.Locator(".verdict")).ToHaveTextAsync("spełnione");
        await Expect(closes.Locator(".evidence")).ToContainTextAsync(toWin.Details.Name);
        await Expect(piotr.Locator($"#action-{won.Sequence}")).ToContainTextAsync(won.Summary);

        // Then generates the offer the task sheet asks for.
        var spec = exercise.Offer;
        await page.GotoAsync($"/Candidate/Simulation/{session}/Offers");
        await page.Locator("#ContactId").SelectOptionAsync(spec.ContactId);
        for (var i = 0; i < spec.Lines.Count; i++)
        {
            await page.Locator($"select[name='Lines[{i}].ProductId']").SelectOptionAsync(spec.Lines[i].ProductId);
            await page.Locator($"input[name='Lines[{i}].Quantity']").FillAsync(spec.Lines[i].Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Generuj ofertę" }).ClickAsync();
        await Expect(page.Locator("#offer")).ToBeVisibleAsync();
        var generated = (await simulation.GetActionsAsync(won.Sequence)).Single();
        Assert.Equal(("offer.generate", true), (generated.Command, generated.Accepted));

        await Expect(anna.Locator($"#action-stream tbody tr").First).ToHaveAttributeAsync("id", $"action-{generated.Sequence}");
        await Expect(anna.Locator($"#action-{generated.Sequence}")).ToContainTextAsync(generated.Summary);
        await Expect(offers).ToHaveAttributeAsync("data-verdict", "Met");
        await Expect(offers.Locator(".verdict")).ToHaveTextAsync("spełnione");
        await Expect(anna.Locator("#note-action option").First).ToHaveAttributeAsync("value", generated.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await anna.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the practical page was reloaded");
        await anna.Locator("#simulation-live").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "panel-live.png") });

        // Anna pins a note to the win; Piotr's screen shows it at once.
        const string note = "Wygrana zamknięta od razu z tablicy, bez sprawdzenia umowy.";
        await anna.GetByRole(AriaRole.Button, new() { Name = $"Notatka do działania nr {won.Sequence}", Exact = true }).ClickAsync();
        await Expect(anna.Locator("#note-action")).ToHaveValueAsync(won.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(anna.Locator("#note-text")).ToBeFocusedAsync();
        await anna.Locator("#note-text").FillAsync(note);
        await anna.GetByRole(AriaRole.Button, new() { Name = "Przypnij notatkę", Exact = true }).ClickAsync();
        await Expect(anna.Locator("#note-message")).ToHaveTextAsync($"Notatka przypięta do działania nr {won.Sequence}.");
        await Expect(piotr.Locator($"#action-{won.Sequence} .notes-list")).ToContainTextAsync($"Anna Pierwsza, ");
        await Expect(piotr.Locator($"#action-{won.Sequence} .notes-list")).ToContainTextAsync(note);
        await Axe.AssertNoSeriousViolationsAsync(piotr, "the practical page with a note arrived live");

        // The read-only CRM shows the win as the candidate left it.
        await piotr.GetByRole(AriaRole.Link, new() { Name = "Podgląd systemu CRM kandydata (tylko do odczytu)" }).ClickAsync();
        await piotr.GetByRole(AriaRole.Navigation, new() { Name = "Moduły CRM" }).GetByRole(AriaRole.Link, new() { Name = "Szanse sprzedaży" }).ClickAsync();
        await Expect(piotr.Locator($"#opportunity-{toWin.Id}")).ToHaveAttributeAsync("data-status", "Won");
        Assert.Equal(0, await piotr.Locator("main form").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(piotr, "the candidate's CRM read-only");

        // Both grade the practical part on their pages; the interview is graded too; both sign.
        foreach (var assessor in new[] { anna, piotr })
        {
            await assessor.GotoAsync(practical);
            await GradeAllAsync(assessor);
            await assessor.Locator("#submit-grades").ClickAsync();
            await Expect(assessor.Locator("#grades")).ToBeVisibleAsync();
        }

        await Portal.SubmitAsync(session, candidate, observed.First, AssessmentPart.Interview);
        await Portal.SubmitAsync(session, candidate, observed.Second, AssessmentPart.Interview);
        await anna.GotoAsync($"/Assessor/Decision/{session}/{candidate}");
        await Expect(anna.Locator("#observations")).ToContainTextAsync(note);
        await Expect(anna.Locator("#observations")).ToContainTextAsync(won.Summary);
        await Expect(anna.Locator("#proposal")).ToHaveTextAsync("decyzja pozytywna");
        await anna.Locator("#save-decision").ClickAsync();
        await anna.Locator("#sign-decision").ClickAsync();
        await piotr.GotoAsync($"/Assessor/Decision/{session}/{candidate}");
        await piotr.Locator("#sign-decision").ClickAsync();
        await Expect(piotr.Locator("#decision-title")).ToHaveTextAsync("Decyzja podpisana");
        await Axe.AssertNoSeriousViolationsAsync(piotr, "a signed decision with the panel's notes");
        Assert.NotNull((await Portal.Grains.Assessment(session, candidate).GetAsync()).Decision!.SignedAt);
    }

    /// <summary>
    /// What the win and the offer rest on, done by the candidate earlier (through the grain, as their pages would send it):
    /// the opportunity's current stage has nothing left to do, the other opportunity of the sheet is lost, a template exists.
    /// </summary>
    private static async Task PrepareAsync(ISimulationGrain simulation, ExamSimulator.Scenarios.Exercise exercise, Opportunity toWin)
    {
        var commands = new List<SandboxCommand>();
        commands.AddRange(toWin.Activities.Where(a => a.StageId == toWin.StageId && !a.Done).Select(a => new CompleteActivity(toWin.Id, a.Id)));
        var toLose = exercise.Closes.Single(c => !c.Won);
        commands.Add(new CloseOpportunity(toLose.OpportunityId, false, toLose.Reason));
        commands.Add(new SaveOfferTemplate(null, exercise.Offer.TemplateName,
            "Szanowni Państwo,\n\nprzesyłamy ofertę dla {{ klient.nazwa }}, zgodnie z rozmową. Ceny obejmują wdrożenie i szkolenie zespołu.\n\nZ poważaniem"));
        var id = 0;
        foreach (var command in commands)
        {
            var ack = await simulation.ExecuteAsync($"prepare-{++id}", command, "candidate");
            Assert.True(ack.Action?.Accepted, $"{command.GetType().Name}: {ack.Refusal} {string.Join(" ", ack.Action?.Errors.Select(e => e.Message) ?? [])}");
        }
    }

    private static async Task GradeAllAsync(IPage page)
    {
        var criteria = page.Locator("#grade-sheet fieldset.criterion");
        var count = await criteria.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await criteria.Nth(i).Locator("input[value=met]").CheckAsync();
        }
    }
}
