using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;
using Orleans.Concurrency;

namespace Certification.Simulation;

/// <summary>
/// One candidate's practical exam in the simulated CRM in one exam session (key: the session's Guid and the candidate's
/// person id as <c>N</c>-formatted extension, see <see cref="SimulationKey"/>). Its state is the replay of its stream in
/// <c>audit_event</c>: the seed drawn at the first start and every command, written before the call returns. The
/// candidate works only while the session is open and they are on its roster; afterwards the sandbox is read-only.
/// </summary>
[Alias("cert.sim.ISimulationGrain")]
public interface ISimulationGrain : IGrainWithGuidCompoundKey
{
    /// <summary>The candidate's workspace; the first call in an open session starts the simulation and draws its seed.</summary>
    [Alias("Open")]
    Task<SimulationOpening> OpenAsync(string actor);

    /// <summary>
    /// Applies a candidate's command and logs it, accepted or refused, before answering. A <paramref name="commandId"/>
    /// seen before is answered as it was the first time and applied once.
    /// </summary>
    [Alias("Execute")]
    Task<SimulationAck> ExecuteAsync(string commandId, SandboxCommand command, string actor);

    /// <summary>For the panel: the seed and the action stream, or null before the candidate started.</summary>
    [Alias("Get")]
    Task<SimulationSnapshot?> GetAsync();

    /// <summary>The actions after <paramref name="afterSequence"/>, for a screen catching up.</summary>
    [Alias("Actions")]
    Task<IReadOnlyList<SimulationAction>> GetActionsAsync(int afterSequence);

    /// <summary>The checkers' verdicts per criterion with their evidence. Never for the candidate.</summary>
    [Alias("Check")]
    Task<IReadOnlyList<CriterionVerdict>> CheckAsync();

    /// <summary>The sandbox as it is now, for reading only; null before the start.</summary>
    [Alias("State")]
    Task<SandboxState?> GetStateAsync();

    /// <summary>The seed and the whole action log, for a replay (<see cref="ExamSimulator.Simulation.Replay"/>).</summary>
    [Alias("Export")]
    Task<ActionLogDocument?> ExportAsync();

    /// <summary>Subscribes (or renews) an observer of new actions; subscriptions lapse unless renewed within a minute.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ISimulationObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ISimulationObserver observer);
}

/// <summary>A portal process relaying a simulation live to the assessors connected to it.</summary>
[Alias("cert.sim.ISimulationObserver")]
public interface ISimulationObserver : IGrainObserver
{
    /// <summary>A new action and the checkers' verdicts after it.</summary>
    [Alias("ActionRecorded"), OneWay]
    Task ActionRecorded(Guid sessionId, Guid candidateId, SimulationAction action, IReadOnlyList<CriterionVerdict> verdicts);
}

public static class SimulationKey
{
    public static ISimulationGrain Simulation(this IGrainFactory grains, Guid sessionId, Guid candidateId) =>
        grains.GetGrain<ISimulationGrain>(sessionId, candidateId.ToString("N"));

    public static string Stream(Guid sessionId, Guid candidateId) => $"simulation:{sessionId:N}:{candidateId:N}";
}
