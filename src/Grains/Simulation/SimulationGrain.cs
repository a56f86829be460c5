using System.Collections.Immutable;
using Certification.Exams;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;
using Certification.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Certification.Simulation;

[GrainType("simulation")]
public sealed class SimulationGrain(
    AuditLog<SimulationEvent> log, [FromKeyedServices(ExamClock.Key)] TimeProvider clock, ILogger<SimulationGrain> logger)
    : Grain, ISimulationGrain
{
    private readonly ObserverManager<ISimulationObserver> _observers = new(TimeSpan.FromMinutes(1), logger);
    private Guid _session;
    private Guid _candidate;
    private string _stream = string.Empty;
    private SimulationStarted? _started;
    private ExamSimulator.Simulation? _simulation;
    private Dictionary<string, int> _commandIds = new(StringComparer.Ordinal);
    private int _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _session = this.GetPrimaryKey(out var extension);
        _candidate = Guid.ParseExact(extension!, "N");
        _stream = SimulationKey.Stream(_session, _candidate);
        await ReloadAsync();
    }

    public async Task<SimulationOpening> OpenAsync(string actor)
    {
        var access = await AccessAsync();
        if (access is SimulationCodes.NotOnRoster || (access is not null && _simulation is null))
        {
            return new SimulationOpening(access, null);
        }

        if (_simulation is null)
        {
            var started = new SimulationStarted(_session, _candidate, Random.Shared.Next()) { Actor = actor, At = clock.GetUtcNow() };
            if (!await AppendAsync(started))
            {
                return new SimulationOpening(SimulationCodes.Concurrent, null);
            }
        }

        var simulation = _simulation!;
        return new SimulationOpening(null, new CandidateWorkspace(
            _session, simulation.Scenario.Brief, simulation.Sheet, simulation.State,
            [.. simulation.Log.Select(SimulationAction.Of)], ReadOnly: access is not null));
    }

    public async Task<SimulationAck> ExecuteAsync(string commandId, SandboxCommand command, string actor)
    {
        if (string.IsNullOrWhiteSpace(commandId) || commandId.Length > SimulationCommands.MaxCommandIdLength)
        {
            return SimulationAck.Refused(SimulationCodes.CommandIdRequired);
        }

        if (Repeated(commandId) is { } repeated)
        {
            return repeated;
        }

        if (_simulation is null)
        {
            return SimulationAck.Refused(SimulationCodes.NotStarted);
        }

        switch (await AccessAsync())
        {
            case SimulationCodes.NotOnRoster:
                return SimulationAck.Refused(SimulationCodes.NotOnRoster);
            case SimulationCodes.SessionNotOpen or SimulationCodes.SessionClosed:
                return SimulationAck.Refused(SimulationCodes.ReadOnly);
        }

        var (next, entry) = _simulation.Execute(command, new ActionContext(clock.GetUtcNow(), actor));
        var taken = new SimulationActionTaken(commandId, entry.Sequence, entry.Command, entry.Outcome) { Actor = actor, At = entry.At };
        if (!await AppendAsync(taken, next))
        {
            // Another activation wrote first (a retry may have reached it): the stream says what happened.
            return Repeated(commandId) ?? SimulationAck.Refused(SimulationCodes.Concurrent);
        }

        var action = SimulationAction.Of(entry);
        if (_observers.Count > 0)
        {
            var verdicts = _simulation.Check();
            await _observers.Notify(o => o.ActionRecorded(_session, _candidate, action, verdicts));
        }

        return new SimulationAck(null, action, Repeated: false);
    }

    public async Task<SimulationSnapshot?> GetAsync() =>
        _simulation is null || _started is null
            ? null
            : new SimulationSnapshot(_session, _candidate, _started.Seed, _started.At, [.. _simulation.Log.Select(SimulationAction.Of)], await AccessAsync() is not null);

    public Task<IReadOnlyList<SimulationAction>> GetActionsAsync(int afterSequence) =>
        Task.FromResult<IReadOnlyList<SimulationAction>>(
            _simulation is null ? [] : [.. _simulation.Log.Where(e => e.Sequence > afterSequence).Select(SimulationAction.Of)]);

    public Task<IReadOnlyList<CriterionVerdict>> CheckAsync() => Task.FromResult(_simulation?.Check() ?? []);

    public Task<SandboxState?> GetStateAsync() => Task.FromResult(_simulation?.State);

    public Task<ActionLogDocument?> ExportAsync() => Task.FromResult(_simulation?.Export());

    public Task SubscribeAsync(ISimulationObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ISimulationObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Null when the candidate may work now; otherwise why not (read from the session each time, as it may close at any
    /// moment): not on the roster, the session not open yet, or closed (then a started sandbox is read-only).
    /// </summary>
    private async Task<string?> AccessAsync()
    {
        var session = await GrainFactory.GetGrain<IExamSessionGrain>(_session).GetAsync();
        return session is null || !session.Roster.Contains(_candidate) ? SimulationCodes.NotOnRoster
            : session.Status == SessionStatus.Closed ? SimulationCodes.SessionClosed
            : session.Status != SessionStatus.Open ? SimulationCodes.SessionNotOpen
            : null;
    }

    private SimulationAck? Repeated(string commandId) =>
        _commandIds.TryGetValue(commandId, out var sequence)
            ? new SimulationAck(null, SimulationAction.Of(_simulation!.Log[sequence - 1]), Repeated: true)
            : null;

    private async Task<bool> AppendAsync(SimulationEvent @event, ExamSimulator.Simulation? next = null)
    {
        if (!await log.AppendAsync(_stream, _version + 1, @event))
        {
            await ReloadAsync();
            return false;
        }

        _version++;
        switch (@event)
        {
            case SimulationStarted started:
                _started = started;
                _simulation = ExamSimulator.Simulation.Start(started.Seed);
                break;
            case SimulationActionTaken taken:
                _simulation = next!;
                _commandIds[taken.CommandId] = taken.Sequence;
                break;
        }

        return true;
    }

    private async Task ReloadAsync()
    {
        var events = await log.ReadAsync(_stream);
        _version = events.Count;
        _started = events.OfType<SimulationStarted>().FirstOrDefault();
        _commandIds = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_started is null)
        {
            _simulation = null;
            return;
        }

        var entries = ImmutableList.CreateBuilder<ActionLogEntry>();
        foreach (var taken in events.OfType<SimulationActionTaken>())
        {
            entries.Add(new ActionLogEntry(taken.Sequence, taken.At, taken.Actor, taken.Command, taken.Outcome));
            _commandIds[taken.CommandId] = taken.Sequence;
        }

        var (simulation, divergences) = ExamSimulator.Simulation.Replay(_started.Seed, entries.ToImmutable());
        foreach (var divergence in divergences)
        {
            // The record stands; the assessors see what was logged. A divergence means the simulator changed under a live exam.
            logger.LogWarning("Simulation {Stream} entry {Sequence} replays as {Replayed}, logged as {Recorded}",
                _stream, divergence.Sequence, divergence.Replayed.Accepted, divergence.Recorded.Accepted);
        }

        _simulation = simulation;
    }
}
