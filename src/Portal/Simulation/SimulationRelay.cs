using System.Collections.Concurrent;
using Certification.ExamSimulator.Checkers;
using Certification.Simulation;

namespace Certification.Portal.Simulation;

/// <summary>A new action of a watched simulation and the checkers' verdicts after it.</summary>
public sealed record SimulationUpdate(Guid SessionId, Guid CandidateId, SimulationAction Action, IReadOnlyList<CriterionVerdict> Verdicts);

/// <summary>
/// Brings live simulations from their grains to whoever in this portal process watches them (the assessors' hub):
/// one Orleans observer for the process, subscribed to every simulation with a listener here and renewed before the
/// subscription lapses. Works the same whether the silo is co-hosted or remote. Verdicts pass through here, so
/// nothing a candidate reaches may listen.
/// </summary>
public sealed class SimulationRelay(IGrainFactory grains, ILogger<SimulationRelay> logger) : BackgroundService, ISimulationObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<(Guid Session, Guid Candidate), ConcurrentDictionary<Guid, Func<SimulationUpdate, Task>>> _listeners = new();
    private ISimulationObserver? _reference;

    /// <summary>Calls <paramref name="listener"/> with each new action of the simulation until the result is disposed.</summary>
    public async Task<IAsyncDisposable> WatchAsync(Guid sessionId, Guid candidateId, Func<SimulationUpdate, Task> listener)
    {
        var key = (sessionId, candidateId);
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(key, _ => new())[id] = listener;
        await grains.Simulation(sessionId, candidateId).SubscribeAsync(Reference);
        return new Watch(this, key, id);
    }

    public async Task ActionRecorded(Guid sessionId, Guid candidateId, SimulationAction action, IReadOnlyList<CriterionVerdict> verdicts)
    {
        if (!_listeners.TryGetValue((sessionId, candidateId), out var listeners))
        {
            return;
        }

        var update = new SimulationUpdate(sessionId, candidateId, action, verdicts);
        foreach (var listener in listeners.Values)
        {
            try
            {
                await listener(update);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One screen that went away must not keep the others from their update.
                logger.LogWarning(error, "A listener of simulation {Session}/{Candidate} failed", sessionId, candidateId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (session, candidate) in _listeners.Where(l => !l.Value.IsEmpty).Select(l => l.Key))
            {
                try
                {
                    await grains.Simulation(session, candidate).SubscribeAsync(Reference);
                }
                catch (Exception error) when (error is OrleansException or TimeoutException)
                {
                    logger.LogWarning(error, "Could not renew the subscription of simulation {Session}/{Candidate}", session, candidate);
                }
            }
        }
    }

    private ISimulationObserver Reference => _reference ??= grains.CreateObjectReference<ISimulationObserver>(this);

    private async Task StopAsync((Guid Session, Guid Candidate) key, Guid id)
    {
        if (_listeners.TryGetValue(key, out var listeners) && listeners.TryRemove(id, out _) && listeners.IsEmpty)
        {
            await grains.Simulation(key.Session, key.Candidate).UnsubscribeAsync(Reference);
        }
    }

    private sealed class Watch(SimulationRelay relay, (Guid, Guid) key, Guid id) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(relay.StopAsync(key, id));
    }
}
