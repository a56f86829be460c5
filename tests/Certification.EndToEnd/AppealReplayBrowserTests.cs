using Certification.Assessment;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// An appeal's reviewer replays the candidate's simulation in a browser: from the appeal to the replay, forward and
/// back with the buttons and the keyboard, and a jump to a step; the sandbox and the checkers' verdicts follow each step.
/// </summary>
public sealed class AppealReplayBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private PortalHost Portal => browser.Portal;

    [Fact]
    public async Task The_reviewer_steps_through_the_replay_and_sees_the_sandbox_and_a_verdict_change()
    {
        (string Name, string Id) account = ("", "");
        var (session, candidate) = await Portal.TheoryDoneAsync(
            passTheory: false, firstName: "Olga", lastName: "Odtwarzana", whileOpen: async (s, c) => account = await Portal.ThreeActionsAsync(s, c));
        var (anna, _) = await Portal.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, _) = await Portal.StaffPersonAsync("Piotr", "Drugi");
        var (reviewer, reviewerEmail) = await Portal.StaffPersonAsync("Renata", "Recenzentka");
        await Portal.SignedDecisionAsync(session, candidate, [anna, piotr]);
        var grain = Portal.Grains.Assessment(session, candidate);
        Assert.True((await grain.FileAppealAsync(candidate, "Konto klienta założyłam na samym początku.", "candidate")).Succeeded);
        Assert.Empty(await grain.AssignReviewerAsync(reviewer, "office"));

        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, reviewerEmail);
        await page.GotoAsync($"/Review/Appeal/{session}/{candidate}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Odtwórz symulację krok po kroku" }).ClickAsync();

        var position = page.Locator("#replay-position");
        var accountRow = page.Locator($"#replay-accounts tr[data-account='{account.Id}']");
        var createsAccounts = page.Locator("#replay-verdicts tr[data-criterion='1.2.2']");
        await Expect(position).ToHaveTextAsync("Krok 0 z 3");
        await Expect(accountRow).ToHaveCountAsync(0);
        await Expect(createsAccounts).ToHaveAttributeAsync("data-verdict", "NotMet");
        await Expect(createsAccounts).ToContainTextAsync("niespełnione");
        await Axe.AssertNoSeriousViolationsAsync(page, "the replay at its start");

        await page.Locator("#replay-next").ClickAsync();
        await Expect(position).ToHaveTextAsync("Krok 1 z 3");
        await Expect(page.Locator("#replay-action")).ToContainTextAsync("Utworzenie klienta");
        await Expect(page.Locator("#replay-outcome")).ToContainTextAsync($"przyjęte: Utworzono konto klienta „{account.Name}”.");
        await Expect(page.Locator("#replay-actions li[data-sequence='1'] a")).ToHaveAttributeAsync("aria-current", "step");
        await Expect(accountRow).ToHaveClassAsync("changed");
        await Expect(createsAccounts).Not.ToHaveAttributeAsync("data-verdict", "NotMet");
        await Expect(createsAccounts).ToContainTextAsync("zmiana w tym kroku");
        await Axe.AssertNoSeriousViolationsAsync(page, "the replay after an accepted action");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "appeal-replay.png"), FullPage = true });

        // The keyboard goes on to the refused move: the sandbox keeps the account, nothing is new in it.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(position).ToHaveTextAsync("Krok 2 z 3");
        await Expect(page.Locator("#replay-outcome")).ToHaveAttributeAsync("data-accepted", "false");
        await Expect(page.Locator("#replay-outcome")).ToContainTextAsync("odrzucone:");
        await Expect(accountRow).ToHaveCountAsync(1);
        await Expect(accountRow).Not.ToHaveClassAsync("changed");

        await page.Locator("#replay-previous").ClickAsync();
        await Expect(position).ToHaveTextAsync("Krok 1 z 3");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(position).ToHaveTextAsync("Krok 0 z 3");
        await Expect(createsAccounts).ToHaveAttributeAsync("data-verdict", "NotMet");
        await Expect(accountRow).ToHaveCountAsync(0);

        await page.GetByLabel("Przejdź do kroku").FillAsync("3");
        await page.GetByLabel("Przejdź do kroku").PressAsync("Enter");
        await Expect(position).ToHaveTextAsync("Krok 3 z 3");
        await Expect(page.Locator("#replay-action")).ToContainTextAsync("Dodanie osoby kontaktowej");
        await Expect(page.Locator("#replay-next")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Home");
        await Expect(position).ToHaveTextAsync("Krok 0 z 3");
        await page.Keyboard.PressAsync("End");
        await Expect(position).ToHaveTextAsync("Krok 3 z 3");
    }
}
