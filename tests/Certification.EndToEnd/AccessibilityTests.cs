using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Portal.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>
/// WCAG 2.1 AA as far as axe-core can tell, on the pages candidates and staff use, in the states they see them,
/// and the theory test done with the keyboard alone.
/// </summary>
public sealed partial class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_sign_in_page_passes_axe_also_with_an_error_shown()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logowanie" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the sign-in page");

        await page.GetByLabel("E-mail").FillAsync("nikt@test.pl");
        await page.GetByLabel("Hasło").FillAsync("złe hasło");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the sign-in page with an error");
    }

    [Fact]
    public async Task A_candidates_pages_pass_axe_from_the_start_page_through_the_test_to_the_result()
    {
        var exam = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, exam.Candidate);
        await Axe.AssertNoSeriousViolationsAsync(page, "the candidate's home page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Moje egzaminy" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Przejdź do testu" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the candidate's start page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Przejdź do testu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 1 z 30" })).ToBeVisibleAsync();
        await page.Locator("#question label.option").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oznacz do sprawdzenia" }).ClickAsync();
        await page.Locator("#next").ClickAsync();
        await page.Locator("#question label.option").Last.ClickAsync();
        await page.Locator("#next").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 3 z 30" })).ToBeVisibleAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Wszystkie odpowiedzi zapisane");
        await Axe.AssertNoSeriousViolationsAsync(page, "the test page with a question and the overview of answered and flagged ones");

        await page.GetByRole(AriaRole.Button, new() { Name = "Zakończ test" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Zakończyć test?" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the test page with the confirm-submit dialog open");

        await page.Locator("#confirm-submit").ClickAsync();
        await Expect(page.Locator("#score")).ToContainTextAsync("Wynik:");
        await Axe.AssertNoSeriousViolationsAsync(page, "the result after submitting");
    }

    [Fact]
    public async Task A_candidate_answers_moves_on_and_opens_the_submit_dialog_with_the_keyboard_alone()
    {
        var exam = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, exam.Candidate);
        await page.GotoAsync($"/Candidate/Test/{exam.Session}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 1 z 30" })).ToBeVisibleAsync();
        var options = page.Locator("#question input[name=answer]");

        // Into the first answer from the top of the page, then choose it; the page redraws the question, the focus stays.
        await TabToAsync(page, "#question input[name=answer]");
        await Expect(options.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(options.First).ToBeCheckedAsync();
        await Expect(options.First).ToBeFocusedAsync();
        if (await options.First.GetAttributeAsync("type") == "radio")
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(options.Nth(1)).ToBeCheckedAsync();
            await Expect(options.First).Not.ToBeCheckedAsync();
        }
        else
        {
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Space");
            await Expect(options.Nth(1)).ToBeCheckedAsync();
        }

        await Expect(options.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("f");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Usuń oznaczenie" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = FirstCell() })).ToBeVisibleAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Wszystkie odpowiedzi zapisane");

        // Next question with the button, then with the arrow keys; each time the new question's heading takes the focus.
        await TabToAsync(page, "#next");
        await page.Keyboard.PressAsync("Enter");
        var second = page.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 2 z 30" });
        await Expect(second).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 3 z 30" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(second).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(options.First).ToBeFocusedAsync();

        // The confirm dialog opens on its safe choice, keeps the focus inside and gives it back when closed.
        await TabToAsync(page, "#submit");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Zakończyć test?" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Wróć do testu" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#submit")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.Locator("#confirm-submit")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test zakończony." })).ToBeFocusedAsync();
        await Expect(page.Locator("#score")).ToContainTextAsync("Wynik:");
    }

    [Fact]
    public async Task The_clock_is_silent_but_a_screen_reader_hears_when_ten_minutes_are_left()
    {
        var exam = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, exam.Candidate);
        await page.Clock.InstallAsync();
        await page.GotoAsync($"/Candidate/Test/{exam.Session}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 1 z 30" })).ToBeVisibleAsync();
        var clock = page.GetByRole(AriaRole.Timer, new() { Name = "Pozostały czas" });
        await Expect(clock).ToHaveTextAsync(LongWayToGo());
        await Expect(page.Locator("#time-warning")).ToBeEmptyAsync();

        // A jump rather than a run through every tick; the server's clock is left alone, so only the page thinks time has passed.
        await page.Clock.FastForwardAsync("35:30");
        await Expect(page.Locator("#time-warning")).ToHaveTextAsync(TenMinutesLeft());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Do końca testu" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_operator_console_with_a_live_roster_passes_axe()
    {
        var exam = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var candidate = await browser.NewPageAsync();
        await Scenarios.SignInAsync(candidate, exam.Candidate);
        await candidate.GotoAsync($"/Candidate/Test/{exam.Session}");
        await candidate.Locator("#question label.option").First.ClickAsync();

        var console = await browser.NewPageAsync();
        await Scenarios.SignInAsync(console, exam.Operator);
        await console.GotoAsync($"/ExamOperator/Console/{exam.Session}");
        await Expect(console.Locator("#live")).ToHaveTextAsync("na żywo");
        await Expect(console.Locator("#roster tbody tr .answered")).ToHaveTextAsync("1 / 30");
        await Axe.AssertNoSeriousViolationsAsync(console, "the operator console with a candidate in the test");

        // The roster is redrawn by every push and its clocks tick each second; a keyboard user's focus survives both.
        await console.GetByLabel("Powód czynności (wymagany)").FillAsync("Kandydat zgłosił złe samopoczucie");
        await TabToAsync(console, "#roster [data-action=Pause]");
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Wstrzymaj: Źdźbło Zofia" })).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Enter");
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Wznów: Źdźbło Zofia" })).ToBeFocusedAsync();
        await console.WaitForTimeoutAsync(1500); // past the next tick of the clocks
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Wznów: Źdźbło Zofia" })).ToBeFocusedAsync();
        await Axe.AssertNoSeriousViolationsAsync(console, "the operator console with the candidate paused");

        await Expect(candidate.Locator("#notice")).ToContainTextAsync("Test wstrzymany przez operatora");
        await Axe.AssertNoSeriousViolationsAsync(candidate, "the test page paused by the operator");
    }

    [Fact]
    public async Task The_item_bank_and_the_client_list_pass_axe()
    {
        var client = Guid.NewGuid();
        var created = await browser.Portal.Grains.GetGrain<IClientGrain>(client).CreateAsync(new ClientDetails(
            "Powiat Łęczycki", ClientKind.County, "8567346215", null, new Address("ul. Zachodnia 1", "99-100", "Łęczyca"), []));
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        var page = await browser.NewPageAsync();
        await Scenarios.SignInAsync(page, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));

        await page.GotoAsync("/Items");
        await Expect(page.Locator("#items tbody tr").First).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the item bank");

        await page.GotoAsync("/Crm/Clients?search=Łęczyca");
        await Expect(page.Locator("#clients")).ToContainTextAsync("Powiat Łęczycki");
        await Axe.AssertNoSeriousViolationsAsync(page, "the client list");
    }

    /// <summary>Presses Tab until the focus is on an element matching <paramref name="selector"/>, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    [GeneratedRegex("^4[0-5]:[0-5][0-9]$")]
    private static partial Regex LongWayToGo();

    // The attempt may have started a few seconds before the page counted.
    [GeneratedRegex(@"^Do końca testu: (9|10) min\.$")]
    private static partial Regex TenMinutesLeft();

    [GeneratedRegex("^Pytanie 1: z odpowiedzią, do sprawdzenia")]
    private static partial Regex FirstCell();
}
