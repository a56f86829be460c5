using System.Security.Claims;
using Certification.Assessment;
using Certification.Portal.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Certification.Portal.Simulation;

/// <summary>
/// The panel's live view of a candidate's practical exam: the action stream, the checkers' verdicts after each action, and
/// the notes the panel pins to actions. Every call checks that the signed-in assessor sits on this candidate's panel; the
/// verdicts go to nobody else (DESIGN principle 5). A screen that reconnects calls <see cref="Watch"/> again with the last
/// action it has and gets exactly the ones after it.
/// </summary>
public sealed class AssessorHub(
    PanelSimulations simulations, SimulationRelay relay, IGrainFactory grains, IHubContext<AssessorHub> hub, ILogger<AssessorHub> logger) : Hub
{
    private const string WatchesKey = "watches";

    /// <summary>
    /// Starts (or resumes) watching: answers with the actions after <paramref name="afterSequence"/>, the verdicts now and
    /// the panel's notes; then every new action comes as <c>action</c> and the notes, whenever one is added, as <c>notes</c>.
    /// </summary>
    public async Task<LiveSimulation> Watch(Guid sessionId, Guid personId, int afterSequence)
    {
        await PanelMemberAsync(sessionId, personId);
        var watches = Watches;
        if (!watches.ContainsKey((sessionId, personId)))
        {
            // Listening starts before the stream is read, so an action taken in between comes at least once; the page keeps
            // each sequence number once.
            var connection = Context.ConnectionId;
            var user = Context.User!;
            watches[(sessionId, personId)] = await relay.WatchAsync(sessionId, personId, update => PushAsync(connection, user, update));
            await Groups.AddToGroupAsync(connection, Group(sessionId, personId));
        }

        return await simulations.ReadAsync(sessionId, personId, afterSequence);
    }

    /// <summary>Pins a note to an action; null when it is recorded (the whole panel gets the notes at once), otherwise the rule it broke.</summary>
    public async Task<string?> Note(Guid sessionId, Guid personId, int actionSequence, string? text)
    {
        var me = await PanelMemberAsync(sessionId, personId);
        var assessment = grains.Assessment(sessionId, personId);
        var result = await assessment.NoteObservationAsync(actionSequence, text ?? string.Empty, me, Context.User!.Actor());
        if (!result.Succeeded)
        {
            return result.Errors[0].Code;
        }

        await Clients.Group(Group(sessionId, personId)).SendAsync("notes", await assessment.GetObservationsAsync());
        return null;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (key, watch) in Watches)
        {
            try
            {
                await watch.DisposeAsync();
            }
            catch (Exception error) when (error is OrleansException or TimeoutException)
            {
                // The grain's subscription lapses by itself within a minute; the other watches are still stopped.
                logger.LogWarning(error, "Could not stop watching simulation {Session}/{Candidate}", key.Session, key.Candidate);
            }
        }

        Watches.Clear();
        await base.OnDisconnectedAsync(exception);
    }

    public static string Group(Guid sessionId, Guid personId) => $"panel:{sessionId:N}:{personId:N}";

    /// <summary>This connection's watches, stopped when it goes (hub methods of one connection run one at a time).</summary>
    private Dictionary<(Guid Session, Guid Candidate), IAsyncDisposable> Watches =>
        (Dictionary<(Guid, Guid), IAsyncDisposable>)(Context.Items.TryGetValue(WatchesKey, out var watches)
            ? watches!
            : Context.Items[WatchesKey] = new Dictionary<(Guid, Guid), IAsyncDisposable>());

    private async Task<Guid> PanelMemberAsync(Guid sessionId, Guid personId) =>
        await simulations.MemberAsync(Context.User!, sessionId, personId) ?? throw new HubException("Nie zasiadasz w komisji tego kandydata.");

    /// <summary>
    /// Sends an action to one screen. The panel is asked again each time: one re-appointed while the screen was open leaves
    /// a former member with nothing more.
    /// </summary>
    private async Task PushAsync(string connection, ClaimsPrincipal user, SimulationUpdate update)
    {
        if (user.PanelMember(await grains.Assessment(update.SessionId, update.CandidateId).GetAsync()) is null)
        {
            await hub.Groups.RemoveFromGroupAsync(connection, Group(update.SessionId, update.CandidateId));
            return;
        }

        await hub.Clients.Client(connection).SendAsync("action", new LiveUpdate(LiveAction.Of(update.Action), [.. update.Verdicts.Select(LiveVerdict.Of)]));
    }
}
