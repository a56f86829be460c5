using System.Security.Claims;
using Certification.Exams;
using Microsoft.AspNetCore.SignalR;

namespace Certification.Portal.Exams;

/// <summary>
/// The exam operator's console: the live roster of a session and the actions on attempts. Only the
/// operator the session is assigned to may watch it or act on it; every action needs a reason.
/// </summary>
public sealed class OperatorHub(IGrainFactory grains, SessionBoardRelay relay, IHubContext<TheoryTestHub> candidates) : Hub
{
    public async Task<IReadOnlyList<AttemptBoardRow>> Watch(Guid sessionId)
    {
        await EnsureOperatorOfAsync(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId));
        await relay.WatchAsync(sessionId);
        return await grains.GetGrain<IExamSessionGrain>(sessionId).GetBoardAsync();
    }

    public Task<string?> Pause(Guid sessionId, Guid personId, string reason) =>
        ActAsync(sessionId, personId, test => test.PauseAsync(Actor, reason));

    public Task<string?> Resume(Guid sessionId, Guid personId, string reason) =>
        ActAsync(sessionId, personId, test => test.ResumeAsync(Actor, reason));

    public Task<string?> Extend(Guid sessionId, Guid personId, int minutes, string reason) =>
        ActAsync(sessionId, personId, test => test.ExtendAsync(minutes, Actor, reason));

    public Task<string?> Terminate(Guid sessionId, Guid personId, string reason) =>
        ActAsync(sessionId, personId, test => test.TerminateAsync(Actor, reason));

    /// <summary>Pauses or resumes every candidate of the session; answers with the refusals per person, if any.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PauseAll(Guid sessionId, bool pause, string reason)
    {
        var session = await EnsureOperatorOfAsync(sessionId);
        var refusals = new Dictionary<Guid, string>();
        foreach (var person in session.Roster)
        {
            var code = await ActAsync(sessionId, person, test => pause ? test.PauseAsync(Actor, reason) : test.ResumeAsync(Actor, reason));
            if (code is not null)
            {
                refusals[person] = code;
            }
        }

        return refusals;
    }

    public static string Group(Guid sessionId) => $"session:{sessionId:N}";

    private string Actor => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<string?> ActAsync(Guid sessionId, Guid personId, Func<ITheoryTestGrain, Task<string?>> action)
    {
        var session = await EnsureOperatorOfAsync(sessionId);
        if (!session.Roster.Contains(personId))
        {
            throw new HubException("Ta osoba nie jest na liście tej sesji.");
        }

        var attempt = TheoryTestKey.For(sessionId, personId);
        var refusal = await action(grains.GetGrain<ITheoryTestGrain>(attempt));
        if (refusal is null)
        {
            // The candidate's page reloads its state at once: paused, extended or ended.
            await candidates.Clients.Group(TheoryTestHub.Group(attempt)).SendAsync("changed");
        }

        return refusal;
    }

    private async Task<SessionSnapshot> EnsureOperatorOfAsync(Guid sessionId)
    {
        var session = await grains.GetGrain<IExamSessionGrain>(sessionId).GetAsync();
        return session is not null && session.Details.OperatorId.ToString() == Actor
            ? session
            : throw new HubException("Nie jesteś operatorem tej sesji.");
    }
}
