using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Exams;
using Certification.ExamSimulator.Checkers;
using Certification.Portal.Accounts;
using Certification.Simulation;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>The candidate's simulated CRM: only the candidate's own, only in a session their sign-in reaches, never with the checkers' verdicts.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class SimulationPagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_candidate_works_in_their_own_sandbox_and_a_form_sent_twice_changes_it_once()
    {
        var (session, _, person) = await TwoOpenSessionsAsync();
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person));
        var start = WebUtility.HtmlDecode(await candidate.GetStringAsync(Path(session)));
        Assert.Contains("Arkusz zadań", start, StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["CommandId"] = "form-1", ["Form.Name"] = "Piekarnia Testowa", ["Form.Kind"] = "Company", ["Form.Status"] = "Prospect", ["Form.City"] = "Gniezno",
        };
        var created = await candidate.PostFormAsync(Path(session, "Accounts/new"), new(form), Path(session, "Accounts/new") + "?handler=Save");
        var again = await candidate.PostFormAsync(Path(session, "Accounts/new"), new(form), Path(session, "Accounts/new") + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(created.Headers.Location, again.Headers.Location);
        var state = (await fixture.Host.Grains.Simulation(session, person).GetStateAsync())!;
        Assert.Single(state.Accounts, a => a.Data.Name == "Piekarnia Testowa");

        // A refusal of the sandbox is shown on the form and changes nothing.
        var refused = await candidate.PostFormAsync(Path(session, "Accounts/new"),
            new(form) { ["CommandId"] = "form-2", ["Form.Nip"] = "1234567890" }, Path(session, "Accounts/new") + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("NIP", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(state.Accounts.Count, (await fixture.Host.Grains.Simulation(session, person).GetStateAsync())!.Accounts.Count);

        // The board's script sends commands as JSON with the page's antiforgery token.
        var board = await candidate.GetStringAsync(Path(session, "Board"));
        var token = WebUtility.HtmlDecode(BoardToken().Match(board).Groups[1].Value);
        var opportunity = state.Opportunities.First(o => o.Status == ExamSimulator.Sandbox.OpportunityStatus.Open);
        using var move = new HttpRequestMessage(HttpMethod.Post, $"/api/simulation/{session}/commands")
        {
            Content = JsonContent.Create(new { commandId = "drag-1", command = new Dictionary<string, object?> { ["$type"] = "opportunity.reopen", ["opportunityId"] = opportunity.Id } }),
        };
        move.Headers.Add("RequestVerificationToken", token);
        var moved = await candidate.SendAsync(move);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("\"accepted\":false", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withoutToken = await candidate.PostAsJsonAsync($"/api/simulation/{session}/commands", new { commandId = "drag-2", command = new Dictionary<string, object?> { ["$type"] = "opportunity.reopen", ["opportunityId"] = opportunity.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task Nobody_but_the_candidate_on_the_roster_reaches_a_simulation()
    {
        var (session, otherSession, person) = await TwoOpenSessionsAsync();
        var stranger = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IPersonGrain>(stranger).CreateAsync(new PersonDetails("Obcy", "Kandydat", null, null, null, null, null, null));
        var other = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: stranger));
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var anonymous = fixture.Host.Anonymous();

        foreach (var path in new[] { Path(session), Path(session, "Accounts"), Path(session, "Board"), $"/api/simulation/{session}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
            var staff = await admin.GetAsync(path);
            Assert.True(staff.StatusCode is HttpStatusCode.Forbidden || staff.Headers.Location?.AbsolutePath.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) == true, $"{path}: {staff.StatusCode}");
            var nobody = await anonymous.GetAsync(path);
            Assert.True(nobody.StatusCode is HttpStatusCode.Unauthorized || nobody.Headers.Location?.AbsolutePath.StartsWith("/Account/Login", StringComparison.Ordinal) == true, $"{path}: {nobody.StatusCode}");
        }

        Assert.Null(await fixture.Host.Grains.Simulation(session, stranger).GetAsync());

        // A candidate on the roster of a session not open yet is told so, and nothing starts.
        var scheduled = Guid.NewGuid();
        var later = fixture.Host.Grains.GetGrain<IExamSessionGrain>(scheduled);
        var draft = await later.ScheduleAsync(new SessionDetails("CRM-PRK4", "Później", DateTimeOffset.UtcNow.AddDays(7), "Sala 2", Guid.NewGuid(), true));
        await later.SetRosterAsync(draft.Version, [person]);
        var own = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person));
        var notYet = await own.GetAsync(Path(scheduled));
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        var notYetPage = WebUtility.HtmlDecode(await own.GetStringAsync(notYet.Headers.Location!.OriginalString));
        Assert.Contains("tylko w czasie otwartej sesji", notYetPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Sesja egzaminacyjna się zakończyła", notYetPage, StringComparison.Ordinal);
        Assert.Null(await fixture.Host.Grains.Simulation(scheduled, person).GetAsync());

        // A sign-in by access code reaches only the session of its code.
        var codes = fixture.Host.Services.GetRequiredService<AccessCodes>();
        var (issued, _) = await codes.IssueAsync(session, [person], Guid.NewGuid());
        var byCode = fixture.Host.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await byCode.PostFormAsync("/Account/Code", new() { ["Code"] = issued[0].Code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await byCode.GetAsync(Path(session))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await byCode.GetAsync(Path(otherSession))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await byCode.GetAsync($"/api/simulation/{otherSession}")).StatusCode);
        Assert.Null(await fixture.Host.Grains.Simulation(otherSession, person).GetAsync());
    }

    [Fact]
    public async Task No_candidate_response_carries_a_checkers_verdict_or_the_seed()
    {
        var (session, _, person) = await TwoOpenSessionsAsync();
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person));
        await candidate.GetStringAsync(Path(session));
        var grain = fixture.Host.Grains.Simulation(session, person);
        var verdicts = await grain.CheckAsync();
        var seed = (await grain.GetAsync())!.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEmpty(verdicts);

        var pages = new[] { "", "Accounts", "Contacts", "Opportunities", "Board", "Pipelines", "Tasks", "Segments", "Templates", "Offers", "Reports", "Activity", "Sheet" };
        var responses = new List<string>();
        foreach (var page in pages)
        {
            var response = await candidate.GetAsync(Path(session, page));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            responses.Add(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var api = await candidate.GetStringAsync($"/api/simulation/{session}");
        responses.Add(api);
        Assert.DoesNotContain("\"seed\":" + seed, api, StringComparison.Ordinal);
        Assert.DoesNotContain("exercise", api, StringComparison.OrdinalIgnoreCase);
        foreach (var text in responses)
        {
            Assert.DoesNotContain("verdict", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("evidence", text, StringComparison.OrdinalIgnoreCase);
            foreach (var verdict in verdicts)
            {
                Assert.DoesNotContain(verdict.Summary, text, StringComparison.Ordinal);
                Assert.DoesNotContain(CriterionCheckers.All.Single(c => c.CriterionId == verdict.CriterionId).Criterion, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task After_the_session_closes_the_candidate_can_read_the_sandbox_but_not_change_it()
    {
        var (session, _, person) = await TwoOpenSessionsAsync();
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person));
        await candidate.GetStringAsync(Path(session));
        var accounts = (await fixture.Host.Grains.Simulation(session, person).GetStateAsync())!.Accounts.Count;
        Assert.True((await fixture.Host.Grains.GetGrain<IExamSessionGrain>(session).CloseAsync("operator")).Succeeded);

        var page = WebUtility.HtmlDecode(await candidate.GetStringAsync(Path(session, "Accounts")));
        Assert.Contains("symulację można już tylko przeglądać", page, StringComparison.Ordinal);
        var form = new Dictionary<string, string> { ["CommandId"] = "late-1", ["Form.Name"] = "Spóźniony klient", ["Form.Kind"] = "Company", ["Form.Status"] = "Prospect" };
        var late = await candidate.PostFormAsync(Path(session, "Accounts/new"), form, Path(session, "Accounts/new") + "?handler=Save");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("symulację można już tylko przeglądać", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(accounts, (await fixture.Host.Grains.Simulation(session, person).GetStateAsync())!.Accounts.Count);
        Assert.Empty(await fixture.Host.Grains.Simulation(session, person).GetActionsAsync(0));
    }

    [Fact]
    public async Task A_candidate_who_never_started_in_a_session_now_closed_is_told_it_ended_and_to_contact_the_office()
    {
        var (session, open, person) = await TwoOpenSessionsAsync();
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person));
        Assert.True((await fixture.Host.Grains.GetGrain<IExamSessionGrain>(session).CloseAsync("operator")).Succeeded);

        foreach (var path in new[] { Path(session), Path(session, "Activity") })
        {
            var opened = await candidate.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal(Path(session, "Unavailable"), opened.Headers.Location!.OriginalString);
        }

        var page = WebUtility.HtmlDecode(await candidate.GetStringAsync(Path(session, "Unavailable")));
        Assert.Contains("Sesja egzaminacyjna się zakończyła", page, StringComparison.Ordinal);
        Assert.Contains("Nie rozpoczęto części praktycznej (symulacji w CRM) w tej sesji", page, StringComparison.Ordinal);
        Assert.Contains("Skontaktuj się z biurem ośrodka certyfikującego", page, StringComparison.Ordinal);
        Assert.DoesNotContain("tylko w czasie otwartej sesji", page, StringComparison.Ordinal);
        Assert.Null(await fixture.Host.Grains.Simulation(session, person).GetAsync());

        await InEnglishAsync(candidate, session);
        var english = WebUtility.HtmlDecode(await candidate.GetStringAsync(Path(session, "Unavailable")));
        Assert.Contains("The exam session has ended", english, StringComparison.Ordinal);
        Assert.Contains("Contact the certification office", english, StringComparison.Ordinal);

        // While a session is open there is nothing to explain: the page sends the candidate to the simulation.
        var started = await candidate.GetAsync(Path(open, "Unavailable"));
        Assert.Equal(Path(open), started.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Refusals_and_the_action_history_are_shown_in_the_candidates_language()
    {
        var (session, _, person) = await TwoOpenSessionsAsync();
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person));
        var form = Path(session, "Accounts/new");
        var save = form + "?handler=Save";
        Dictionary<string, string> Account(string id, string name, string nip = "") => new()
        {
            ["CommandId"] = id, ["Form.Name"] = name, ["Form.Kind"] = "Company", ["Form.Status"] = "Prospect", ["Form.Nip"] = nip,
        };

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(form, Account("ok-1", "Piekarnia Językowa"), save)).StatusCode);
        var polish = WebUtility.HtmlDecode(await (await candidate.PostFormAsync(form, Account("pl-1", "Zła Firma", "1234567890"), save)).Content.ReadAsStringAsync());
        Assert.Contains("NIP „1234567890” jest nieprawidłowy: musi mieć 10 cyfr z poprawną cyfrą kontrolną.", polish, StringComparison.Ordinal);

        await InEnglishAsync(candidate, session);
        var english = WebUtility.HtmlDecode(await (await candidate.PostFormAsync(form, Account("en-1", "Bad Company", "1234567890"), save)).Content.ReadAsStringAsync());
        Assert.Contains("The NIP “1234567890” is invalid: it must have 10 digits with a correct check digit.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("jest nieprawidłowy", english, StringComparison.Ordinal);
        var unnamed = WebUtility.HtmlDecode(await (await candidate.PostFormAsync(form, Account("en-2", " "), save)).Content.ReadAsStringAsync());
        Assert.Contains("The field “Name” is required.", unnamed, StringComparison.Ordinal);

        // The board's script shows what the API says, in the same language.
        var state = (await fixture.Host.Grains.Simulation(session, person).GetStateAsync())!;
        var opportunity = state.Opportunities.First(o => o.Status == ExamSimulator.Sandbox.OpportunityStatus.Open);
        using var reopen = new HttpRequestMessage(HttpMethod.Post, $"/api/simulation/{session}/commands")
        {
            Content = JsonContent.Create(new { commandId = "en-3", command = new Dictionary<string, object?> { ["$type"] = "opportunity.reopen", ["opportunityId"] = opportunity.Id } }),
        };
        reopen.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(BoardToken().Match(await candidate.GetStringAsync(Path(session, "Board"))).Groups[1].Value));
        using var refused = System.Text.Json.JsonDocument.Parse(await (await candidate.SendAsync(reopen)).Content.ReadAsStringAsync());
        Assert.Equal($"The opportunity “{opportunity.Details.Name}” is open: there is no need to reopen it.",
            refused.RootElement.GetProperty("action").GetProperty("errors")[0].GetProperty("message").GetString());

        // The history names every action in words, accepted or refused, and gives the reasons in the candidate's language.
        var history = WebUtility.HtmlDecode(await candidate.GetStringAsync(Path(session, "Activity")));
        Assert.Equal(4, Occurrences(history, "Creating an account"));
        Assert.Contains("Reopening an opportunity", history, StringComparison.Ordinal);
        Assert.Contains("refused: The NIP “1234567890” is invalid", history, StringComparison.Ordinal);
        Assert.Contains("refused: The field “Name” is required.", history, StringComparison.Ordinal);
        Assert.DoesNotContain("account.create", history, StringComparison.Ordinal);
        Assert.DoesNotContain("opportunity.reopen", history, StringComparison.Ordinal);

        await candidate.PostFormAsync(Path(session, "Activity"), new() { ["culture"] = "pl-PL", ["returnUrl"] = "/" }, "/Account/Culture");
        var inPolish = WebUtility.HtmlDecode(await candidate.GetStringAsync(Path(session, "Activity")));
        Assert.Equal(4, Occurrences(inPolish, "Utworzenie klienta"));
        Assert.Contains("Ponowne otwarcie szansy", inPolish, StringComparison.Ordinal);
        Assert.Contains("odrzucone: NIP „1234567890” jest nieprawidłowy", inPolish, StringComparison.Ordinal);
        Assert.Contains("odrzucone: Pole „Nazwa” jest wymagane.", inPolish, StringComparison.Ordinal);
        Assert.DoesNotContain("account.create", inPolish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_relay_brings_each_new_action_and_the_verdicts_to_a_watcher_in_the_portal()
    {
        var (session, _, person) = await TwoOpenSessionsAsync();
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person));
        await candidate.GetStringAsync(Path(session));
        var relay = fixture.Host.Services.GetRequiredService<Certification.Portal.Simulation.SimulationRelay>();
        var received = new TaskCompletionSource<Certification.Portal.Simulation.SimulationUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (await relay.WatchAsync(session, person, update => { received.TrySetResult(update); return Task.CompletedTask; }))
        {
            var form = new Dictionary<string, string> { ["CommandId"] = "relay-1", ["Form.Name"] = "Kwiaciarnia Relay", ["Form.Kind"] = "Company", ["Form.Status"] = "Prospect" };
            await candidate.PostFormAsync(Path(session, "Accounts/new"), form, Path(session, "Accounts/new") + "?handler=Save");

            var update = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(("account.create", true), (update.Action.Command, update.Action.Accepted));
            Assert.Equal(CriterionCheckers.All.Count, update.Verdicts.Count);
        }
    }

    private static async Task InEnglishAsync(HttpClient client, Guid session)
    {
        var chosen = await client.PostFormAsync("/Candidate/Index", new() { ["culture"] = "en-GB", ["returnUrl"] = Path(session) }, "/Account/Culture");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
    }

    private static int Occurrences(string text, string part) => Regex.Count(text, Regex.Escape(part));

    private static string Path(Guid session, string page = "") => page.Length == 0 ? $"/Candidate/Simulation/{session}" : $"/Candidate/Simulation/{session}/{page}";

    /// <summary>Two open sessions with the same candidate on both rosters.</summary>
    private async Task<(Guid Session, Guid OtherSession, Guid Person)> TwoOpenSessionsAsync()
    {
        var grains = fixture.Host.Grains;
        var person = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Kamil", "Symulowany", null, null, null, null, null, null));
        var (operatorId, _) = await fixture.Host.CreateAccountAsync(Roles.ExamOperator);
        var sessions = new List<Guid>();
        foreach (var title in new[] { "Sesja z symulacją", "Inna sesja" })
        {
            var id = Guid.NewGuid();
            var grain = grains.GetGrain<IExamSessionGrain>(id);
            var scheduled = await grain.ScheduleAsync(new SessionDetails("CRM-PRK4", title, DateTimeOffset.UtcNow, "Sala 1", operatorId, true));
            await grain.SetRosterAsync(scheduled.Version, [person]);
            Assert.True((await grain.OpenAsync(operatorId.ToString())).Succeeded);
            sessions.Add(id);
        }

        return (sessions[0], sessions[1], person);
    }

    [GeneratedRegex("data-token=\"([^\"]+)\"")]
    private static partial Regex BoardToken();
}
