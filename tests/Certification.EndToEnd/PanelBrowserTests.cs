using Certification.Assessment;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// The assessment panel in browsers: the office appoints a panel (a trainer of the candidate is refused), two assessors
/// in their own browser contexts grade the same candidate without seeing each other's grades until they submit, resolve
/// their disagreement and both sign; then the candidate appeals and a reviewer decides it. Every page passes axe.
/// </summary>
public sealed class PanelBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private PortalHost Portal => browser.Portal;

    [Fact]
    public async Task Two_assessors_grade_independently_resolve_a_disagreement_and_both_sign()
    {
        var (session, candidate) = await Portal.TheoryDoneAsync(passTheory: true, firstName: "Zofia", lastName: "Walidowana");
        var (anna, annaEmail) = await Portal.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, piotrEmail) = await Portal.StaffPersonAsync("Piotr", "Drugi");
        var (trainer, _) = await Portal.StaffPersonAsync("Tadeusz", "Trenerski");
        await TrainedByAsync(trainer, candidate);

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await Portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync($"/Exams/Sessions/Details/{session}");
        await office.GetByText("Wyznacz komisję").ClickAsync();
        await office.GetByLabel("Tadeusz Trenerski").CheckAsync();
        await office.GetByLabel("Anna Pierwsza").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Zapisz komisję" }).ClickAsync();
        await Expect(office.Locator("#panel-refused")).ToContainTextAsync("Tadeusz Trenerski prowadził(a) szkolenie „Warsztaty CRM”");
        await Axe.AssertNoSeriousViolationsAsync(office, "a session page with a refused panel");
        await office.GetByText("Wyznacz komisję").ClickAsync();
        await office.GetByLabel("Anna Pierwsza").CheckAsync();
        await office.GetByLabel("Piotr Drugi").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Zapisz komisję" }).ClickAsync();
        await Expect(office.Locator($"[data-panel='{candidate}']")).ToHaveTextAsync("Piotr Drugi, Anna Pierwsza");
        await Axe.AssertNoSeriousViolationsAsync(office, "a session page with the candidates' panels");
        await office.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "panel-session.png"), FullPage = true });

        var first = await browser.NewPageAsync();
        var second = await browser.NewPageAsync();
        await Scenarios.SignInAsync(first, annaEmail);
        await Scenarios.SignInAsync(second, piotrEmail);
        await first.GetByRole(AriaRole.Link, new() { Name = "Moje komisje" }).First.ClickAsync();
        await Expect(first.Locator("#panels")).ToContainTextAsync("Walidowana Zofia");
        await Axe.AssertNoSeriousViolationsAsync(first, "an assessor's panels");
        await first.GetByRole(AriaRole.Link, new() { Name = "Część praktyczna" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(first, "the practical part's grading form");
        await GradeAllAsync(first, unmet: null, comment: "Anna: konto klienta utworzone poprawnie.");
        await first.Locator("#submit-grades").ClickAsync();
        await Expect(first.Locator("#waiting-for")).ToContainTextAsync("Piotr Drugi");

        // Piotr has not submitted: Anna's grades are not on his page.
        var practical = $"/Assessor/Practical/{session}/{candidate}";
        await second.GotoAsync(practical);
        await Expect(second.Locator("#grade-sheet")).ToBeVisibleAsync();
        await Expect(second.Locator("main")).Not.ToContainTextAsync("Anna: konto klienta");
        await GradeAllAsync(second, unmet: "1.2.2", comment: null);
        await second.Locator("#submit-grades").ClickAsync();
        await Expect(second.Locator("#grades")).ToContainTextAsync("Anna: konto klienta utworzone poprawnie.");
        await Expect(second.Locator("[data-disagreement='1.2.2']")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(second, "submitted grades with a disagreement");
        await second.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "panel-grades.png"), FullPage = true });

        var resolve = second.Locator("form.resolve[data-criterion='1.2.2']");
        await resolve.Locator("input[value=met]").CheckAsync();
        await resolve.GetByLabel("Uzasadnienie rozstrzygnięcia").FillAsync("Konto utworzone w drugiej próbie, widoczne w historii.");
        await resolve.GetByRole(AriaRole.Button, new() { Name = "Zapisz rozstrzygnięcie" }).ClickAsync();
        await Expect(second.Locator("#grades tr[data-criterion='1.2.2']")).ToContainTextAsync("Konto utworzone w drugiej próbie");
        await Expect(second.Locator("[data-disagreement]")).ToHaveCountAsync(0);

        await first.GotoAsync($"/Assessor/Interview/{session}/{candidate}");
        await Expect(first.Locator("#grade-sheet")).ToContainTextAsync("Pytania pomocnicze:");
        await Axe.AssertNoSeriousViolationsAsync(first, "the interview protocol");
        await GradeAllAsync(first, unmet: null, comment: "Omówiła podstawy prawne przetwarzania danych.");
        await first.Locator("#submit-grades").ClickAsync();
        await Portal.SubmitAsync(session, candidate, piotr, AssessmentPart.Interview);

        await first.GotoAsync($"/Assessor/Decision/{session}/{candidate}");
        await Expect(first.Locator("#proposal")).ToHaveTextAsync("decyzja pozytywna");
        await Axe.AssertNoSeriousViolationsAsync(first, "the decision form");
        await first.Locator("#save-decision").ClickAsync();
        await first.Locator("#sign-decision").ClickAsync();
        await Expect(first.Locator("#signatures")).ToContainTextAsync("Anna Pierwsza: podpisano");
        await Expect(first.Locator("#signatures")).ToContainTextAsync("Piotr Drugi: czeka na podpis");
        await Axe.AssertNoSeriousViolationsAsync(first, "a decision waiting for a signature");

        await second.GotoAsync($"/Assessor/Decision/{session}/{candidate}");
        await second.Locator("#sign-decision").ClickAsync();
        await Expect(second.Locator("#decision-title")).ToHaveTextAsync("Decyzja podpisana");
        await Expect(second.Locator("#signatures")).ToContainTextAsync("Anna Pierwsza: podpisano");
        await Expect(second.Locator("#signatures")).ToContainTextAsync("Piotr Drugi: podpisano");
        await Axe.AssertNoSeriousViolationsAsync(second, "a signed decision");
        await second.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "panel-decision.png"), FullPage = true });
        Assert.NotNull((await Portal.Grains.Assessment(session, candidate).GetAsync()).Decision!.SignedAt);

        await office.GotoAsync($"/Exams/Sessions/Agreement/{session}");
        await Expect(office.Locator("#agreement tr[data-part='all']")).ToContainTextAsync("38");
        await Axe.AssertNoSeriousViolationsAsync(office, "the agreement between assessors");
        await office.GotoAsync($"/Review/Trail/{session}/{candidate}");
        await Expect(office.Locator("#trail")).ToContainTextAsync("Piotr Drugi podpisał(a) decyzję");
        await Axe.AssertNoSeriousViolationsAsync(office, "a validation's audit trail");
    }

    [Fact]
    public async Task The_candidate_appeals_and_a_reviewer_off_the_panel_decides_it()
    {
        var (session, candidate) = await Portal.TheoryDoneAsync(passTheory: false, firstName: "Marek", lastName: "Odwołujący");
        var (alicja, alicjaEmail) = await Portal.StaffPersonAsync("Alicja", "Apelacyjna");
        var (pawel, _) = await Portal.StaffPersonAsync("Paweł", "Apelacyjny");
        var (_, reviewerEmail) = await Portal.StaffPersonAsync("Renata", "Recenzentka");
        await Portal.SignedDecisionAsync(session, candidate, [alicja, pawel]);
        await Portal.TheoryDoneAsync(passTheory: false, firstName: "Kamil", lastName: "Konfliktowy");

        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, await Portal.CreateUserAsync(Roles.Candidate, personId: candidate));
        await page.GetByRole(AriaRole.Link, new() { Name = "Moje egzaminy" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Decyzja walidacyjna" }).ClickAsync();
        await Expect(page.Locator("#decision-outcome")).ToHaveTextAsync("decyzja negatywna");
        await Expect(page.Locator("#justifications")).ToContainTextAsync("Uzasadnienie części theory.");
        await Axe.AssertNoSeriousViolationsAsync(page, "the candidate's decision with the appeal form");
        await page.GetByLabel("Uzasadnienie odwołania").FillAsync("Połączenie zerwało się w trakcie testu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Złóż odwołanie" }).ClickAsync();
        await Expect(page.Locator("#appeal-status")).ToHaveTextAsync("czeka na rozpatrzenie");
        await Axe.AssertNoSeriousViolationsAsync(page, "the candidate's decision with their appeal");

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await Portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync("/Exams/Appeals");
        var row = office.Locator($"#appeals tr[data-candidate='{candidate}']");
        await row.GetByLabel("Recenzent odwołania: Odwołujący Marek").SelectOptionAsync(new SelectOptionValue { Label = "Alicja Apelacyjna" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Wyznacz" }).ClickAsync();
        await Expect(office.Locator("#reviewer-refused")).ToHaveTextAsync("Alicja Apelacyjna zasiadał(a) w komisji tego kandydata i nie może rozpatrywać odwołania.");
        await Axe.AssertNoSeriousViolationsAsync(office, "the appeals with a refused reviewer");
        await office.Locator($"#appeals tr[data-candidate='{candidate}']").GetByLabel("Recenzent odwołania: Odwołujący Marek")
            .SelectOptionAsync(new SelectOptionValue { Label = "Renata Recenzentka" });
        await office.Locator($"#appeals tr[data-candidate='{candidate}']").GetByRole(AriaRole.Button, new() { Name = "Wyznacz" }).ClickAsync();
        await Expect(office.Locator($"#appeals tr[data-candidate='{candidate}']")).ToContainTextAsync("Renata Recenzentka");

        var reviewer = await browser.NewPageAsync();
        await Scenarios.SignInAsync(reviewer, reviewerEmail);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Odwołania do rozpatrzenia" }).First.ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Rozpatrz", Exact = true }).ClickAsync();
        await Expect(reviewer.Locator("#appeal-reasons")).ToHaveTextAsync("Połączenie zerwało się w trakcie testu.");
        await Axe.AssertNoSeriousViolationsAsync(reviewer, "the reviewer's page");
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "appeal-review.png"), FullPage = true });
        await reviewer.Locator("#review-form input[name=Outcome][value=rejected]").CheckAsync();
        await reviewer.Locator("#review-form").GetByLabel("Uzasadnienie rozstrzygnięcia").FillAsync("Zapis testu jest kompletny: wszystkie odpowiedzi zostały zapisane.");
        await reviewer.Locator("#decide-appeal").ClickAsync();
        await Expect(reviewer.Locator("#appeal-outcome")).ToContainTextAsync("odrzucone");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Przebieg walidacji" }).ClickAsync();
        await Expect(reviewer.Locator("#trail")).ToContainTextAsync("Renata Recenzentka rozpatrzył(a) odwołanie: odrzucone");
        await Axe.AssertNoSeriousViolationsAsync(reviewer, "the audit trail as the reviewer sees it");

        var assessor = await browser.NewPageAsync();
        await Scenarios.SignInAsync(assessor, alicjaEmail);
        await assessor.GotoAsync("/Assessor/Conflicts");
        await assessor.GetByLabel("Kandydat").SelectOptionAsync(new SelectOptionValue { Label = "Konfliktowy Kamil" });
        await assessor.GetByLabel("Powód").FillAsync("Sąsiad z tej samej klatki.");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Zgłoś konflikt" }).ClickAsync();
        await Expect(assessor.Locator("#conflicts")).ToContainTextAsync("Sąsiad z tej samej klatki.");
        await Axe.AssertNoSeriousViolationsAsync(assessor, "an assessor's declared conflicts");
    }

    private static async Task GradeAllAsync(IPage page, string? unmet, string? comment)
    {
        var criteria = page.Locator("#grade-sheet fieldset.criterion");
        var count = await criteria.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var criterion = criteria.Nth(i);
            var id = await criterion.GetAttributeAsync("data-criterion");
            await criterion.Locator($"input[value={(id == unmet ? "unmet" : "met")}]").CheckAsync();
        }

        if (comment is not null)
        {
            await criteria.First.Locator("textarea").FillAsync(comment);
        }
    }

    private async Task TrainedByAsync(Guid trainer, Guid candidate)
    {
        var location = Guid.NewGuid();
        await Portal.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala", "ul. Wronia 1", "Poznań", "poznański"));
        var order = Portal.Grains.GetGrain<ITrainingOrderGrain>(Guid.NewGuid());
        await order.CreateAsync(OrderTypes.DefaultId, new OrderDetails("Warsztaty CRM", null,
            [new(new DateOnly(2026, 10, 1), new TimeOnly(9, 0), new TimeOnly(15, 0))], location, trainer, 350m, 10, OrderVisibility.Public, []), "office");
        await order.EnrolAsync(candidate, EnrolmentSource.Office, null, "office");
    }
}
