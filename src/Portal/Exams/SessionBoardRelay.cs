using System.Collections.Concurrent;
using Certification.Exams;
using Microsoft.AspNetCore.SignalR;

namespace Certification.Portal.Exams;

/// <summary>
/// Brings the live board of exam sessions from their grains to the operators connected to this portal
/// process: one Orleans observer for the process, subscribed to every session someone here watches and
/// renewed before the subscription lapses. Works the same whether the silo is co-hosted or remote.
/// </summary>
public sealed class SessionBoardRelay(IGrainFactory grains, IHubContext<OperatorHub> hub, ILogger<SessionBoardRelay> logger)
    : BackgroundService, IExamSessionObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _watched = new();
    private IExamSessionObserver? _reference;

    public async Task WatchAsync(Guid sessionId)
    {
        if (_watched.TryAdd(sessionId, DateTimeOffset.UtcNow))
        {
            await grains.GetGrain<IExamSessionGrain>(sessionId).SubscribeAsync(Reference);
        }
    }

    public Task BoardChanged(Guid sessionId, IReadOnlyList<AttemptBoardRow> rows) =>
        hub.Clients.Group(OperatorHub.Group(sessionId)).SendAsync("board", rows);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var sessionId in _watched.Keys)
            {
                try
                {
                    await grains.GetGrain<IExamSessionGrain>(sessionId).SubscribeAsync(Reference);
                }
                catch (Exception error) when (error is OrleansException or TimeoutException)
                {
                    logger.LogWarning(error, "Could not renew the board subscription of session {Session}", sessionId);
                }
            }
        }
    }

    private IExamSessionObserver Reference => _reference ??= grains.CreateObjectReference<IExamSessionObserver>(this);
}
