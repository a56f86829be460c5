using System.Security.Claims;
using Certification.Exams;
using Certification.Portal.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Certification.Portal.Exams;

/// <summary>
/// The candidate's side of a theory test. The person comes from the sign-in, never from the caller,
/// so a candidate reaches only their own attempt; every answer is acknowledged only after the
/// attempt grain has stored it.
/// </summary>
public sealed class TheoryTestHub(IGrainFactory grains, ILogger<TheoryTestHub> logger) : Hub
{
    private const string AttemptKey = "attempt";

    public async Task<OpenResult> Open(Guid sessionId)
    {
        var attempt = AttemptOf(sessionId);
        var result = await grains.GetGrain<ITheoryTestGrain>(attempt).OpenAsync(Context.ConnectionId, Actor);
        if (result.View is null)
        {
            return result;
        }

        Context.Items[AttemptKey] = attempt;
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(attempt));
        if (result.DisplacedConnection is { } displaced)
        {
            logger.LogInformation("Attempt {Attempt} opened in another place; the older page is told", attempt);
            await Clients.Client(displaced).SendAsync("displaced");
        }

        // The other page learns it lost the attempt, not which page took it.
        return result with { DisplacedConnection = null };
    }

    public Task<SaveAck> SaveAnswer(Guid sessionId, AnswerChange change) =>
        grains.GetGrain<ITheoryTestGrain>(AttemptOf(sessionId)).SaveAnswerAsync(Context.ConnectionId, Actor, change);

    public Task<OpenResult> Submit(Guid sessionId) =>
        grains.GetGrain<ITheoryTestGrain>(AttemptOf(sessionId)).SubmitAsync(Context.ConnectionId, Actor);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(AttemptKey, out var attempt) && attempt is string key)
        {
            await grains.GetGrain<ITheoryTestGrain>(key).DisconnectedAsync(Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public static string Group(string attempt) => "attempt:" + attempt;

    private string Actor => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private string AttemptOf(Guid sessionId) =>
        Context.User!.PersonFor(sessionId) is { } person
            ? TheoryTestKey.For(sessionId, person)
            : throw new HubException("Konto nie jest powiązane z osobą zapisaną na ten egzamin.");
}
