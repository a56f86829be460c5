using System.Text.RegularExpressions;
using Certification.Exams;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

public sealed class TheoryTestBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_candidate_keeps_answering_through_a_lost_connection_and_the_operators_extension_reaches_their_clock()
    {
        var (session, person, candidateEmail, operatorEmail) = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var candidate = await browser.NewPageAsync();

        // Every web socket to the test hub goes through this route, so the test can cut it and let it back.
        var cut = false;
        IWebSocketRoute? live = null;
        await candidate.RouteWebSocketAsync(new Regex("/hubs/theory-test"), ws =>
        {
            if (cut)
            {
                // The page sees its reconnection attempt fail, as it would with no network.
                _ = ws.CloseAsync();
                return;
            }

            live = ws;
            ws.ConnectToServer();
        });

        // SignalR falls back to HTTP transports, so cutting the network means refusing those too (negotiation included).
        await candidate.RouteAsync(new Regex("/hubs/theory-test"), route => cut ? route.AbortAsync() : route.ContinueAsync());

        await Scenarios.SignInAsync(candidate, candidateEmail);
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Moje egzaminy" }).First.ClickAsync();
        await candidate.GetByRole(AriaRole.Link, new() { Name = "Przejdź do testu" }).ClickAsync();
        await Expect(candidate.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 1 z 30" })).ToBeVisibleAsync();

        for (var number = 1; number <= 10; number++)
        {
            await AnswerCurrentAsync(candidate, number);
        }

        await Expect(candidate.Locator("#connection")).ToHaveTextAsync("Wszystkie odpowiedzi zapisane");

        cut = true;
        await live!.CloseAsync();
        await Expect(candidate.Locator("#connection")).ToContainTextAsync("Brak połączenia");
        for (var number = 11; number <= 20; number++)
        {
            await AnswerCurrentAsync(candidate, number);
        }

        await Expect(candidate.Locator(".cell.pending")).ToHaveCountAsync(10);
        cut = false;
        await Expect(candidate.Locator("#connection")).ToHaveTextAsync("Wszystkie odpowiedzi zapisane", new() { Timeout = 30_000 });

        // The operator extends the candidate's time; the candidate's clock shows it at once.
        var console = await browser.NewPageAsync();
        await Scenarios.SignInAsync(console, operatorEmail);
        await console.GotoAsync($"/ExamOperator/Console/{session}");
        await Expect(console.Locator("#roster tbody tr")).ToHaveCountAsync(1);
        await console.Locator("#reason").FillAsync("Zanik zasilania w sali");
        await console.Locator("#minutes").FillAsync("15");
        await console.GetByRole(AriaRole.Button, new() { Name = "Przedłuż" }).ClickAsync();
        await Expect(candidate.Locator("#remaining")).ToHaveTextAsync(new Regex("^(5[0-9]|6[0-9]):"));
        await Expect(console.Locator("#roster tbody tr .answered")).ToHaveTextAsync("20 / 30");

        for (var number = 21; number <= 30; number++)
        {
            await AnswerCurrentAsync(candidate, number);
        }

        await candidate.GetByRole(AriaRole.Button, new() { Name = "Zakończ test" }).First.ClickAsync();
        await Expect(candidate.Locator("#confirm-text")).ToContainTextAsync("Bez odpowiedzi: 0 z 30");
        await candidate.Locator("#confirm-submit").ClickAsync();
        await Expect(candidate.Locator("#score")).ToContainTextAsync("Wynik:");
        await candidate.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "theory-test-result.png"), FullPage = true });

        var attempt = TheoryTestKey.For(session, person);
        var stored = await browser.Portal.Database.ScalarAsync<string>(
            $"SELECT string_agg((data->>'clientSeq') || ':' || (data->>'question'), ',' ORDER BY seq) FROM attempt_event WHERE attempt = '{attempt}' AND kind = 'answered'");
        Assert.Equal(string.Join(",", Enumerable.Range(1, 30).Select(i => $"{i}:{i}")), stored);
        await Expect(console.Locator("#roster tbody tr .status")).ToHaveTextAsync("zakończony");
    }

    [Fact]
    public async Task The_test_page_carries_no_answer_key()
    {
        var (session, _, candidateEmail, _) = await Scenarios.OpenTheorySessionAsync(browser.Portal);
        var candidate = await browser.NewPageAsync();
        var frames = new List<string>();
        candidate.WebSocket += (_, ws) => ws.FrameReceived += (_, frame) => frames.Add(frame.Text ?? string.Empty);
        await Scenarios.SignInAsync(candidate, candidateEmail);

        await candidate.GotoAsync($"/Candidate/Test/{session}");
        await Expect(candidate.GetByRole(AriaRole.Heading, new() { Name = "Pytanie 1 z 30" })).ToBeVisibleAsync();

        var everything = await candidate.ContentAsync() + string.Join("\n", frames);
        Assert.Contains("\"questions\"", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("correct", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("explanation", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("itemId", everything, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AnswerCurrentAsync(IPage page, int number)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Pytanie {number} z 30" })).ToBeVisibleAsync();
        await page.Locator("#question label.option").First.ClickAsync();
        if (number < 30)
        {
            await page.Locator("#next").ClickAsync();
        }
    }
}
