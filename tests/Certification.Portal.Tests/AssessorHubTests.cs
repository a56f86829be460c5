using System.Net;
using System.Threading.Channels;
using Certification.Assessment;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Accounts;
using Certification.Portal.Simulation;
using Certification.Simulation;
using Certification.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Certification.Portal.Tests;

/// <summary>
/// The assessors' hub: only the candidate's panel watches the simulation and gets the checkers' verdicts; every action
/// arrives live with the verdicts after it, and a screen that reconnects gets exactly what it missed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AssessorHubTests(PortalFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Only_the_candidates_panel_may_watch_or_note_and_nobody_else_is_sent_anything()
    {
        var observed = await Host.ObservedSimulationAsync("Strzeżona");
        var (session, candidate) = (observed.Session, observed.Candidate);
        var (_, outsiderEmail) = await Host.StaffPersonAsync("Olga", "Obca");
        var candidateCookies = await Host.HubCookiesAsync(await Host.CreateUserAsync(Roles.Candidate, personId: candidate));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Host.ConnectHubAsync("/hubs/assessor", candidateCookies));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        refused = await Assert.ThrowsAsync<HttpRequestException>(() => Host.ConnectHubAsync("/hubs/assessor", new CookieContainer()));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var outsider = await Host.ConnectHubAsync("/hubs/assessor", await Host.HubCookiesAsync(outsiderEmail));
        var leaked = Channel.CreateUnbounded<string>();
        outsider.On<LiveUpdate>("action", _ => leaked.Writer.TryWrite("action"));
        outsider.On<IReadOnlyList<ObservationNote>>("notes", _ => leaked.Writer.TryWrite("notes"));
        await using var member = await Host.ConnectHubAsync("/hubs/assessor", await Host.HubCookiesAsync(observed.FirstEmail));
        var updates = Updates(member);

        await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<LiveSimulation>("Watch", session, candidate, 0));
        await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<string?>("Note", session, candidate, 1, "Obca notatka"));
        // A panel member of this candidate reaches no one else: not a person off the roster, not another session.
        await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<LiveSimulation>("Watch", session, Guid.NewGuid(), 0));
        await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<LiveSimulation>("Watch", Guid.NewGuid(), candidate, 0));

        Assert.Empty((await member.InvokeAsync<LiveSimulation>("Watch", session, candidate, 0)).Actions);
        await ExecuteAsync(observed, "guarded-1", new CreateAccount(Account("Hurtownia Strzeżona sp. z o.o.")));
        Assert.Equal(1, (await updates.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Action.Sequence);
        Assert.Null(await member.InvokeAsync<string?>("Note", session, candidate, 1, "Konto założone bez NIP."));

        // The member's pushes have come; the outsider, whose calls were refused, got none of them.
        Assert.Single(await Host.Grains.Assessment(session, candidate).GetObservationsAsync());
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(leaked.Reader.TryRead(out var what), $"the outsider was sent {what}");
    }

    [Fact]
    public async Task A_panel_member_gets_each_action_with_the_verdicts_after_it_and_after_reconnecting_exactly_the_actions_missed()
    {
        var observed = await Host.ObservedSimulationAsync("Strumieniowa");
        var (session, candidate) = (observed.Session, observed.Candidate);
        var simulation = Host.Grains.Simulation(session, candidate);
        var exercise = ExamSimulator.Simulation.Start((await simulation.GetAsync())!.Seed).Scenario.Exercise;
        await ExecuteAsync(observed, "before-watching", new CreateAccount(Account("Sklep Przed Obserwacją")));
        var cookies = await Host.HubCookiesAsync(observed.FirstEmail);

        await using (var screen = await Host.ConnectHubAsync("/hubs/assessor", cookies))
        {
            var updates = Updates(screen);
            var watched = await screen.InvokeAsync<LiveSimulation>("Watch", session, candidate, 0);
            Assert.Equal([1], watched.Actions.Select(a => a.Sequence));
            Assert.Equal(CriterionCheckers.All.Select(c => c.CriterionId), watched.Verdicts.Select(v => v.CriterionId));
            Assert.Equal(Verdict.NotMet, StatusOf(watched.Verdicts, "1.2.2"));

            // A refused action comes marked, with the sandbox's reasons.
            await ExecuteAsync(observed, "refused", new CreateAccount(Account("Sklep z błędnym NIP") with { Nip = "1234567890" }));
            var refusal = await updates.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            Assert.Equal((2, false, "account.create"), (refusal.Action.Sequence, refusal.Action.Accepted, refusal.Action.Command));
            Assert.Contains(refusal.Action.Errors, e => e.Contains("NIP", StringComparison.Ordinal));

            // Creating the accounts the task sheet asks for turns "creates customer accounts" to met, live.
            var sequence = 2;
            LiveUpdate? last = null;
            foreach (var spec in exercise.NewAccounts)
            {
                await ExecuteAsync(observed, $"new-{spec.Data.Name}", new CreateAccount(spec.Data));
                last = await updates.Reader.ReadAsync().AsTask().WaitAsync(Wait);
                Assert.Equal((++sequence, true), (last.Action.Sequence, last.Action.Accepted));
                Assert.Contains(spec.Data.Name, last.Action.Summary, StringComparison.Ordinal);
            }

            // The verdicts pushed with the last action are the checkers' verdicts now, evidence and all.
            var now = await simulation.CheckAsync();
            Assert.Equal(Verdict.Met, StatusOf(last!.Verdicts, "1.2.2"));
            Assert.Equal(
                now.Select(v => (v.CriterionId, v.Verdict, v.Summary, string.Join("|", v.Evidence.Select(e => $"{e.Sequence}:{e.Text}")))),
                last.Verdicts.Select(v => (v.CriterionId, v.Verdict, v.Summary, string.Join("|", v.Evidence.Select(e => $"{e.Sequence}:{e.Text}")))));
        }

        // The screen lost its connection; meanwhile the candidate works on.
        var missed = await ExecuteAsync(observed, "while-away-1", new CreateAccount(Account("Sklep Pod Nieobecność")));
        await ExecuteAsync(observed, "while-away-2", new CreateAccount(Account("Sklep Drugi Pod Nieobecność")));

        await using var again = await Host.ConnectHubAsync("/hubs/assessor", cookies);
        var live = Updates(again);
        var caughtUp = await again.InvokeAsync<LiveSimulation>("Watch", session, candidate, missed - 1);
        Assert.Equal([missed, missed + 1], caughtUp.Actions.Select(a => a.Sequence));
        Assert.Equal(Verdict.Met, StatusOf(caughtUp.Verdicts, "1.2.2"));

        // Watching again from the same screen adds no second listener: one action, one push.
        Assert.Empty((await again.InvokeAsync<LiveSimulation>("Watch", session, candidate, missed + 1)).Actions);
        await ExecuteAsync(observed, "after-return", new CreateAccount(Account("Sklep Po Powrocie")));
        Assert.Equal(missed + 2, (await live.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Action.Sequence);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(live.Reader.TryRead(out var twice), $"action {twice?.Action.Sequence} came twice");
    }

    [Fact]
    public async Task A_note_reaches_the_whole_panel_at_once_and_a_bad_note_changes_nothing()
    {
        var observed = await Host.ObservedSimulationAsync("Notowana");
        var (session, candidate) = (observed.Session, observed.Candidate);
        await ExecuteAsync(observed, "noted-1", new CreateAccount(Account("Hurtownia Notowana")));
        await using var anna = await Host.ConnectHubAsync("/hubs/assessor", await Host.HubCookiesAsync(observed.FirstEmail));
        await using var piotr = await Host.ConnectHubAsync("/hubs/assessor", await Host.HubCookiesAsync(observed.SecondEmail));
        var annasNotes = Notes(anna);
        var piotrsNotes = Notes(piotr);
        await anna.InvokeAsync<LiveSimulation>("Watch", session, candidate, 0);
        await piotr.InvokeAsync<LiveSimulation>("Watch", session, candidate, 0);

        Assert.Equal(ObservationRules.TextRequired, await anna.InvokeAsync<string?>("Note", session, candidate, 1, "   "));
        Assert.Equal(ObservationRules.UnknownAction, await anna.InvokeAsync<string?>("Note", session, candidate, 2, "Do działania, którego nie ma."));
        Assert.Equal(ObservationRules.TooLong, await anna.InvokeAsync<string?>("Note", session, candidate, 1, new string('x', ObservationRules.MaxLength + 1)));
        Assert.Empty(await Host.Grains.Assessment(session, candidate).GetObservationsAsync());

        Assert.Null(await anna.InvokeAsync<string?>("Note", session, candidate, 1, "Szybko i bez pomyłek."));

        foreach (var notes in new[] { annasNotes, piotrsNotes })
        {
            var received = Assert.Single(await notes.Reader.ReadAsync().AsTask().WaitAsync(Wait));
            Assert.Equal((1, "Szybko i bez pomyłek.", observed.First), (received.ActionSequence, received.Text, received.By));
        }

        Assert.False(annasNotes.Reader.TryRead(out _), "a refused note was pushed");
        var reopened = await piotr.InvokeAsync<LiveSimulation>("Watch", session, candidate, 1);
        Assert.Equal("Szybko i bez pomyłek.", Assert.Single(reopened.Notes).Text);
    }

    private static AccountData Account(string name) =>
        new(name, AccountKind.Company, "handel", null, null, null, "Poznań", null, null, null, null, 8, AccountStatus.Prospect);

    private static Verdict StatusOf(IEnumerable<LiveVerdict> verdicts, string criterion) => verdicts.Single(v => v.CriterionId == criterion).Verdict;

    private static Channel<LiveUpdate> Updates(HubConnection connection)
    {
        var channel = Channel.CreateUnbounded<LiveUpdate>();
        connection.On<LiveUpdate>("action", update => channel.Writer.TryWrite(update));
        return channel;
    }

    private static Channel<IReadOnlyList<ObservationNote>> Notes(HubConnection connection)
    {
        var channel = Channel.CreateUnbounded<IReadOnlyList<ObservationNote>>();
        connection.On<IReadOnlyList<ObservationNote>>("notes", notes => channel.Writer.TryWrite(notes));
        return channel;
    }

    /// <summary>The candidate's command, as their pages send it; the action's sequence number.</summary>
    private async Task<int> ExecuteAsync(ObservedSimulation observed, string commandId, SandboxCommand command)
    {
        var ack = await Host.Grains.Simulation(observed.Session, observed.Candidate).ExecuteAsync(commandId, command, "candidate");
        return ack.Action?.Sequence ?? throw new InvalidOperationException($"The simulation refused the command: {ack.Refusal}");
    }
}
