using System.Net;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>What the hubs let each caller do, checked at the hub, not only in the pages.</summary>
[Collection(PortalCollection.Name)]
public sealed class ExamHubTests(PortalFixture fixture)
{
    [Fact]
    public async Task Only_candidates_reach_the_test_hub_and_only_operators_the_console_hub()
    {
        var operatorCookies = await SignInAsync(await fixture.Host.CreateUserAsync(Roles.ExamOperator));
        var candidateCookies = await SignInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync("/hubs/theory-test", operatorCookies));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        refused = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync("/hubs/operator", candidateCookies));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        refused = await Assert.ThrowsAsync<HttpRequestException>(() => ConnectAsync("/hubs/theory-test", new CookieContainer()));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_candidate_reaches_only_their_own_attempt_and_cannot_change_it_after_submitting()
    {
        var (session, onRoster, _) = await OpenSessionAsync();
        var outsider = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IPersonGrain>(outsider).CreateAsync(new PersonDetails("Obcy", "Kandydat", null, null, null, null, null, null));
        await using var own = await ConnectAsync("/hubs/theory-test", await SignInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: onRoster)));
        await using var other = await ConnectAsync("/hubs/theory-test", await SignInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: outsider)));

        var mine = await own.InvokeAsync<OpenResult>("Open", session);
        var theirs = await other.InvokeAsync<OpenResult>("Open", session);

        Assert.NotNull(mine.View);
        Assert.Null(mine.DisplacedConnection);
        Assert.Equal((null, AttemptCodes.NotPrepared), (theirs.View, theirs.Code));
        var question = mine.View.Questions[0];
        var saved = await own.InvokeAsync<SaveAck>("SaveAnswer", session, new AnswerChange(1, question.Number, [question.Options[0].Id], false));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        var foreign = await other.InvokeAsync<SaveAck>("SaveAnswer", session, new AnswerChange(1, question.Number, [question.Options[0].Id], false));
        Assert.Equal((SaveOutcome.Rejected, AttemptCodes.OpenedElsewhere), (foreign.Outcome, foreign.Code));

        await own.InvokeAsync<OpenResult>("Submit", session);
        var late = await own.InvokeAsync<SaveAck>("SaveAnswer", session, new AnswerChange(2, question.Number, [question.Options[1].Id], false));
        Assert.Equal((SaveOutcome.Rejected, AttemptCodes.Submitted), (late.Outcome, late.Code));
    }

    [Fact]
    public async Task An_operator_cannot_watch_or_act_on_a_session_of_another_operator()
    {
        var (session, person, _) = await OpenSessionAsync();
        await using var stranger = await ConnectAsync("/hubs/operator", await SignInAsync(await fixture.Host.CreateUserAsync(Roles.ExamOperator)));

        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<IReadOnlyList<AttemptBoardRow>>("Watch", session));
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<string?>("Terminate", session, person, "Nie mój kandydat"));
        Assert.Null(await fixture.Host.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, person)).GetResultAsync());
    }

    [Fact]
    public async Task The_sessions_operator_sees_the_roster_and_an_action_without_reason_is_refused()
    {
        var (session, person, operatorEmail) = await OpenSessionAsync();
        await using var console = await ConnectAsync("/hubs/operator", await SignInAsync(operatorEmail));

        var board = await console.InvokeAsync<IReadOnlyList<AttemptBoardRow>>("Watch", session);
        var refusal = await console.InvokeAsync<string?>("Extend", session, person, 10, "  ");

        Assert.Equal((person, AttemptStatus.Ready), (Assert.Single(board).PersonId, board[0].Status));
        Assert.Equal(AttemptCodes.ReasonRequired, refusal);
    }

    [Fact]
    public async Task A_withheld_result_reaches_the_candidate_after_the_training_admin_releases_it()
    {
        var (session, person, _) = await OpenSessionAsync(showResultAtOnce: false);
        await using var candidate = await ConnectAsync("/hubs/theory-test", await SignInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate, personId: person)));
        await candidate.InvokeAsync<OpenResult>("Open", session);
        var submitted = await candidate.InvokeAsync<OpenResult>("Submit", session);
        Assert.Equal((true, null), (submitted.View!.ResultWithheld, submitted.View.Result));
        await fixture.Host.Grains.GetGrain<IExamSessionGrain>(session).CloseAsync("operator");
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Exams/Sessions/Details/{session}";
        Assert.Contains("id=\"release-results\"", await admin.GetStringAsync(page), StringComparison.Ordinal);

        var released = await admin.PostFormAsync(page, [], page + "?handler=ReleaseResults");

        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.DoesNotContain("id=\"release-results\"", await admin.GetStringAsync(page), StringComparison.Ordinal);
        var reopened = await candidate.InvokeAsync<OpenResult>("Open", session);
        Assert.Equal(30, reopened.View!.Result!.MaxPoints);
    }

    private async Task<(Guid Session, Guid Person, string OperatorEmail)> OpenSessionAsync(bool showResultAtOnce = true)
    {
        var grains = fixture.Host.Grains;
        var person = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Kamil", "Ślązak", null, null, null, null, null, null));
        var (operatorId, operatorEmail) = await fixture.Host.CreateAccountAsync(Roles.ExamOperator);
        var session = Guid.NewGuid();
        var grain = grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(new SessionDetails("CRM-PRK4", "Sesja hubów", DateTimeOffset.UtcNow, null, operatorId, showResultAtOnce));
        await grain.SetRosterAsync(scheduled.Version, [person]);
        Assert.True((await grain.OpenAsync(operatorId.ToString())).Succeeded);
        return (session, person, operatorEmail);
    }

    private async Task<CookieContainer> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var client = fixture.Host.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var response = await client.PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = PortalHost.Password });
        return response.StatusCode == HttpStatusCode.Redirect ? cookies : throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
    }

    private Task<HubConnection> ConnectAsync(string hub, CookieContainer cookies) => fixture.Host.ConnectHubAsync(hub, cookies);
}
