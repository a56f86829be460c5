using System.Net;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>One-time access codes: issued on the session page, good for one candidate's one test, replaced by a new code.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class AccessCodeTests(PortalFixture fixture)
{
    [Fact]
    public async Task Codes_go_to_candidates_without_an_account_and_open_only_their_own_session()
    {
        var (session, otherSession, withoutLogin, _) = await TwoSessionsAsync();
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

        var issued = await admin.PostFormAsync(Details(session), [], Details(session) + "?handler=IssueCodes");

        var page = WebUtility.HtmlDecode(await issued.Content.ReadAsStringAsync());
        var code = Assert.Single(Codes().Matches(page)).Groups[1].Value;
        Assert.Contains("Kodowa Zofia", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kontowy Adam", page[page.IndexOf("access-codes", StringComparison.Ordinal)..page.IndexOf("id=\"roster\"", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain(code, await admin.GetStringAsync(Details(session)), StringComparison.Ordinal);
        Assert.Equal(1L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM exam_access_code WHERE session_id = '{session}'"));

        // Typed as people type it: lower case, without the dash.
        var (candidate, cookies) = await SignInWithCodeAsync(code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal($"/Candidate/Test/{session}", candidate.Headers.Location?.OriginalString);

        var client = Client(cookies);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Candidate/Test/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Candidate/Test/{otherSession}")).StatusCode);
        var list = await client.GetStringAsync("/Candidate");
        Assert.Contains("Sesja z kodami", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Inna sesja", list, StringComparison.Ordinal);

        await using var hub = await ConnectAsync(cookies);
        var opened = await hub.InvokeAsync<OpenResult>("Open", session);
        Assert.NotNull(opened.View);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<OpenResult>("Open", otherSession));

        // The record names the candidate who answered with the code.
        var question = opened.View.Questions[0];
        Assert.Equal(SaveOutcome.Saved, (await hub.InvokeAsync<SaveAck>("SaveAnswer", session, new AnswerChange(1, question.Number, [question.Options[0].Id], false))).Outcome);
        var record = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Exams/Sessions/Attempt/{session}/{withoutLogin}"));
        Assert.Contains("Zofia Kodowa (kod dostępu)", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_code_ends_the_old_one_and_the_sign_in_made_with_it()
    {
        var (session, _, person, _) = await TwoSessionsAsync();
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var first = await IssueOneAsync(admin, session, person);
        var (_, cookies) = await SignInWithCodeAsync(first);

        var second = await IssueOneAsync(admin, session, person);

        Assert.NotEqual(first, second);
        var refused = await fixture.Host.Anonymous().PostFormAsync("/Account/Code", new() { ["Code"] = first });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nieprawidłowy kod dostępu", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stale = await Client(cookies).GetAsync("/Candidate");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/Account/Login", stale.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(second)).Response.StatusCode);
    }

    [Fact]
    public async Task A_code_stops_working_once_its_test_is_submitted_or_its_session_closed()
    {
        var (session, otherSession, person, _) = await TwoSessionsAsync();
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var code = await IssueOneAsync(admin, session, person);
        var otherCode = await IssueOneAsync(admin, otherSession, person);
        var (_, cookies) = await SignInWithCodeAsync(code);
        await using (var hub = await ConnectAsync(cookies))
        {
            await hub.InvokeAsync<OpenResult>("Open", session);
            await hub.InvokeAsync<OpenResult>("Submit", session);
        }

        var afterSubmit = await fixture.Host.Anonymous().PostFormAsync("/Account/Code", new() { ["Code"] = code });
        Assert.Contains("Kod nie jest już ważny", WebUtility.HtmlDecode(await afterSubmit.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await fixture.Host.Grains.GetGrain<IExamSessionGrain>(otherSession).CloseAsync("test");
        var afterClose = await fixture.Host.Anonymous().PostFormAsync("/Account/Code", new() { ["Code"] = otherCode });
        Assert.Contains("jest już zamknięta", WebUtility.HtmlDecode(await afterClose.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(afterClose.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_or_empty_code_signs_nobody_in_and_a_code_is_only_for_the_roster()
    {
        var (session, _, _, _) = await TwoSessionsAsync();
        var client = fixture.Host.Anonymous();

        var wrong = await client.PostFormAsync("/Account/Code", new() { ["Code"] = "ABCDE-FGHJK" });
        var empty = await client.PostFormAsync("/Account/Code", new() { ["Code"] = " - " });

        Assert.Contains("Nieprawidłowy kod dostępu", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Wpisz kod dostępu", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Candidate")).StatusCode);
        var codes = fixture.Host.Services.GetRequiredService<AccessCodes>();
        var (issued, error) = await codes.IssueAsync(session, [Guid.NewGuid()], Guid.NewGuid());
        Assert.Equal((0, AccessCodes.NotOnRoster), (issued.Count, error));
    }

    private static string Details(Guid session) => $"/Exams/Sessions/Details/{session}";

    private static async Task<string> IssueOneAsync(HttpClient admin, Guid session, Guid person)
    {
        var response = await admin.PostFormAsync(Details(session), new() { ["personId"] = person.ToString() }, Details(session) + "?handler=IssueCodes");
        return Assert.Single(Codes().Matches(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()))).Groups[1].Value;
    }

    /// <summary>Two open sessions with the same two candidates: one with an account, one without.</summary>
    private async Task<(Guid Session, Guid OtherSession, Guid WithoutLogin, Guid WithLogin)> TwoSessionsAsync()
    {
        var grains = fixture.Host.Grains;
        var withoutLogin = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(withoutLogin).CreateAsync(new PersonDetails("Zofia", "Kodowa", null, null, null, null, null, null));
        var withLogin = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(withLogin).CreateAsync(new PersonDetails("Adam", "Kontowy", null, null, null, null, null, null));
        await fixture.Host.CreateAccountAsync(Roles.Candidate, personId: withLogin);
        var (operatorId, _) = await fixture.Host.CreateAccountAsync(Roles.ExamOperator);
        var sessions = new List<Guid>();
        foreach (var title in new[] { "Sesja z kodami", "Inna sesja" })
        {
            var id = Guid.NewGuid();
            var grain = grains.GetGrain<IExamSessionGrain>(id);
            var scheduled = await grain.ScheduleAsync(new SessionDetails("CRM-PRK4", title, DateTimeOffset.UtcNow, "Sala 1", operatorId, true));
            await grain.SetRosterAsync(scheduled.Version, [withoutLogin, withLogin]);
            Assert.True((await grain.OpenAsync(operatorId.ToString())).Succeeded);
            sessions.Add(id);
        }

        return (sessions[0], sessions[1], withoutLogin, withLogin);
    }

    private async Task<(HttpResponseMessage Response, CookieContainer Cookies)> SignInWithCodeAsync(string code)
    {
        var cookies = new CookieContainer();
        var response = await Client(cookies).PostFormAsync("/Account/Code", new() { ["Code"] = code });
        return (response, cookies);
    }

    private HttpClient Client(CookieContainer cookies) =>
        fixture.Host.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    private Task<HubConnection> ConnectAsync(CookieContainer cookies) => fixture.Host.ConnectHubAsync("/hubs/theory-test", cookies);

    [GeneratedRegex("class=\"code\" data-person=\"[^\"]*\">([A-Z2-9]{5}-[A-Z2-9]{5})<")]
    private static partial Regex Codes();
}
