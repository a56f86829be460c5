using Certification.Assessment;
using Certification.Portal.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// What a newcomer does after <c>./run.sh</c> (issue #5, "done when"), on the demo data and with the demo logins only:
/// the operator opens the demo sitting, the demo candidate takes the test and works in the simulated CRM while both demo
/// assessors watch live, the panel grades and signs, the candidate appeals, the office gives the appeal to the demo
/// reviewer, who replays the simulation step by step and decides.
/// </summary>
public sealed class NewcomerPracticalWalkthroughTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task One_candidate_two_assessors_and_a_reviewer_run_the_demo_practical_exam_and_its_appeal()
    {
        await browser.Portal.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var session = DemoSeeder.DemoSession;

        var operatorPage = await SignedInAsync("operator@demo.pl");
        await operatorPage.GetByRole(AriaRole.Link, new() { Name = "Moje sesje egzaminacyjne" }).First.ClickAsync();
        var demoSitting = operatorPage.Locator("#sessions tr", new() { HasText = "Sesja pokazowa" });
        await demoSitting.GetByRole(AriaRole.Button, new() { Name = "Otwórz sesję" }).ClickAsync();
        await Expect(operatorPage.Locator("#sessions tr", new() { HasText = "Sesja pokazowa" }).GetByRole(AriaRole.Link, new() { Name = "Konsola" })).ToBeVisibleAsync();

        // The candidate hands in the test unanswered: the theory part fails, so the decision will need a justification.
        var candidate = await SignedInAsync("kandydat@demo.pl");
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Moje egzaminy" }).First.ClickAsync();
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Przejdź do testu" }).ClickAsync();
        await Expect(candidate.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 1 z 30" })).ToBeVisibleAsync();
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Zakończ test" }).First.ClickAsync();
        await Expect(candidate.Locator("#confirm-text")).ToContainTextAsync("Bez odpowiedzi: 30 z 30");
        await candidate.Locator("#confirm-submit").ClickAsync();
        await Expect(candidate.Locator("#score")).ToContainTextAsync("Wynik:");
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Moje egzaminy" }).First.ClickAsync();
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Przejdź do symulacji CRM" }).ClickAsync();
        await Expect(candidate.GetByRole(AriaRole.Heading, new() { Name = "Arkusz zadań" })).ToBeVisibleAsync();
        var person = (await browser.Portal.Services.GetRequiredService<Certification.Portal.Accounts.UserStore>().FindByEmailAsync("kandydat@demo.pl"))!.PersonId!.Value;

        // Both demo assessors find the candidate on their panels and watch the practical part live.
        var piotr = await SignedInAsync("asesor@demo.pl");
        var maria = await SignedInAsync(AssessmentDemo.SecondAssessor);
        foreach (var assessor in new[] { piotr, maria })
        {
            await assessor.GetByRole(AriaRole.Link, new() { Name = "Moje komisje" }).First.ClickAsync();
            await assessor.Locator($"#panels a[href='/Assessor/Practical/{session}/{person}']").ClickAsync();
            await Expect(assessor.Locator("#live")).ToHaveTextAsync("na żywo");
        }

        await candidate.GetByRole(AriaRole.Navigation, new() { Name = "Moduły CRM" }).GetByRole(AriaRole.Link, new() { Name = "Klienci" }).ClickAsync();
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Dodaj klienta" }).ClickAsync();
        await candidate.GetByLabel("Nazwa", new() { Exact = true }).FillAsync("Hurtownia Nowicjusza sp. z o.o.");
        await candidate.GetByLabel("Miejscowość").FillAsync("Kórnik");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Utwórz klienta" }).ClickAsync();
        await Expect(candidate.Locator("#done")).ToContainTextAsync("Hurtownia Nowicjusza");
        foreach (var assessor in new[] { piotr, maria })
        {
            await Expect(assessor.Locator("#action-stream tbody tr").First).ToContainTextAsync("Hurtownia Nowicjusza");
        }

        // The panel grades both parts, each on their own sheet, and the negative decision is justified and signed by both.
        foreach (var assessor in new[] { piotr, maria })
        {
            await GradeAllAsync(assessor);
            await assessor.GotoAsync($"/Assessor/Interview/{session}/{person}");
            await GradeAllAsync(assessor);
        }

        await piotr.GotoAsync($"/Assessor/Decision/{session}/{person}");
        await Expect(piotr.Locator("#proposal")).ToHaveTextAsync("decyzja negatywna");
        await piotr.Locator("textarea[name^='Justifications']").First.FillAsync("Test teoretyczny oddany bez odpowiedzi: wynik poniżej progu 70 %.");
        await piotr.Locator("#save-decision").ClickAsync();
        await piotr.Locator("#sign-decision").ClickAsync();
        await maria.GotoAsync($"/Assessor/Decision/{session}/{person}");
        await maria.Locator("#sign-decision").ClickAsync();
        await Expect(maria.Locator("#decision-title")).ToHaveTextAsync("Decyzja podpisana");

        // The candidate reads the decision and appeals.
        await candidate.GotoAsync($"/Candidate/Decision/{session}");
        await Expect(candidate.Locator("#decision-outcome")).ToHaveTextAsync("decyzja negatywna");
        await candidate.GetByLabel("Uzasadnienie odwołania").FillAsync("Test zakończył się przez pomyłkę, zanim zacząłem odpowiadać.");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Złóż odwołanie" }).ClickAsync();
        await Expect(candidate.Locator("#appeal-status")).ToHaveTextAsync("czeka na rozpatrzenie");

        // The office gives the appeal to the demo reviewer.
        var office = await SignedInAsync("szkolenia@demo.pl");
        await office.GotoAsync("/Exams/Appeals");
        var row = office.Locator($"#appeals tr[data-candidate='{person}']");
        await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Renata Recenzentka" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Wyznacz" }).ClickAsync();
        await Expect(office.Locator($"#appeals tr[data-candidate='{person}']")).ToContainTextAsync("Renata Recenzentka");

        // The reviewer replays the simulation: the account appears at the candidate's step.
        var reviewer = await SignedInAsync(AssessmentDemo.Reviewer);
        await reviewer.GotoAsync($"/Review/Appeal/{session}/{person}");
        await Expect(reviewer.Locator("#appeal-reasons")).ToHaveTextAsync("Test zakończył się przez pomyłkę, zanim zacząłem odpowiadać.");
        await reviewer.GotoAsync($"/Review/Replay/{session}/{person}?step=0");
        await Expect(reviewer.Locator("main")).Not.ToContainTextAsync("Hurtownia Nowicjusza");
        await reviewer.GotoAsync($"/Review/Replay/{session}/{person}?step=1");
        await Expect(reviewer.Locator("#replay-action")).ToContainTextAsync("Utworzenie klienta");
        await Expect(reviewer.Locator("main")).ToContainTextAsync("Hurtownia Nowicjusza");

        await reviewer.GotoAsync($"/Review/Appeal/{session}/{person}");
        await reviewer.Locator("#review-form input[name=Outcome][value=rejected]").CheckAsync();
        await reviewer.Locator("#review-form").GetByLabel("Uzasadnienie rozstrzygnięcia").FillAsync("Zapis testu pokazuje świadome zakończenie testu.");
        await reviewer.Locator("#decide-appeal").ClickAsync();
        await Expect(reviewer.Locator("#appeal-outcome")).ToContainTextAsync("odrzucone");

        var appeal = (await browser.Portal.Grains.Assessment(session, person).GetAsync()).Appeal!;
        Assert.Equal(AppealOutcome.Rejected, appeal.Outcome);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, email, DemoSeeder.Password);
        return page;
    }

    private static async Task GradeAllAsync(IPage page)
    {
        var criteria = page.Locator("#grade-sheet fieldset.criterion");
        await Expect(criteria.First).ToBeVisibleAsync();
        var count = await criteria.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await criteria.Nth(i).Locator("input[value=met]").CheckAsync();
        }

        await page.Locator("#submit-grades").ClickAsync();
        await Expect(page.Locator("#grades")).ToBeVisibleAsync();
    }
}
