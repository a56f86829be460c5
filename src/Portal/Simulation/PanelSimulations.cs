using System.Security.Claims;
using Certification.Assessment;
using Certification.Exams;
using Certification.ExamSimulator.Checkers;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Simulation;

namespace Certification.Portal.Simulation;

/// <summary>An action as the panel's screens show it: what was done, when, and whether the sandbox took it (with its reasons if not).</summary>
public sealed record LiveAction(int Sequence, DateTimeOffset At, string Command, bool Accepted, string Summary, IReadOnlyList<string> Errors)
{
    public static LiveAction Of(SimulationAction action) =>
        new(action.Sequence, action.At, action.Command, action.Accepted, action.Summary, [.. action.Errors.Select(e => e.Message)]);
}

/// <summary>A checker's verdict on one criterion with the evidence it saw, in Polish (the checkers speak the simulated CRM's language).</summary>
public sealed record LiveVerdict(string CriterionId, Verdict Verdict, string Summary, IReadOnlyList<Evidence> Evidence)
{
    public static LiveVerdict Of(CriterionVerdict verdict) => new(verdict.CriterionId, verdict.Verdict, verdict.Summary, verdict.Evidence);
}

/// <summary>
/// What a panel member's screen gets when it starts watching or catches up: the actions after the last one it has, the
/// checkers' verdicts now, and every note the panel pinned so far.
/// </summary>
public sealed record LiveSimulation(IReadOnlyList<LiveAction> Actions, IReadOnlyList<LiveVerdict> Verdicts, IReadOnlyList<ObservationNote> Notes);

/// <summary>A new action pushed to a panel member's screen with the verdicts after it.</summary>
public sealed record LiveUpdate(LiveAction Action, IReadOnlyList<LiveVerdict> Verdicts);

/// <summary>The panel's notes with the actions they are pinned to and their authors' names, for the decision and an appeal.</summary>
public sealed record ObservationLog(IReadOnlyList<ObservationNote> Notes, IReadOnlyDictionary<int, SimulationAction> Actions, IReadOnlyDictionary<Guid, string> Names)
{
    public string Name(Guid person) => Names.GetValueOrDefault(person, person.ToString());
}

/// <summary>
/// The panel's way into a candidate's simulation: reading only. Nothing here reaches <see cref="ISimulationGrain.ExecuteAsync"/>
/// or <see cref="ISimulationGrain.OpenAsync"/> (which would start the candidate's exam): only the candidate changes their
/// sandbox, through <see cref="CandidateSimulations"/>. Callers check the panel first (<see cref="MemberAsync"/>, or a page's
/// <see cref="Validations"/>); verdicts and notes read here must reach no one else.
/// </summary>
public sealed class PanelSimulations(IGrainFactory grains, AssessmentQueries queries)
{
    /// <summary>The CRM person the signed-in assessor acts as on this candidate's panel; null when they are not on it.</summary>
    public async Task<Guid?> MemberAsync(ClaimsPrincipal user, Guid sessionId, Guid personId)
    {
        if (!user.IsInRole(Roles.Assessor) || user.StaffPerson() is null)
        {
            return null;
        }

        // The roster first, so that a made-up pair activates no validation.
        var session = await grains.GetGrain<IExamSessionGrain>(sessionId).GetAsync();
        return session is not null && session.Roster.Contains(personId)
            ? user.PanelMember(await grains.Assessment(sessionId, personId).GetAsync())
            : null;
    }

    /// <summary>The actions after <paramref name="afterSequence"/>, the verdicts now and the panel's notes.</summary>
    public async Task<LiveSimulation> ReadAsync(Guid sessionId, Guid personId, int afterSequence = 0)
    {
        var simulation = grains.Simulation(sessionId, personId);

        // Actions before verdicts: the verdicts are then at least as recent as the last action sent with them.
        var actions = await simulation.GetActionsAsync(Math.Max(0, afterSequence));
        var verdicts = await simulation.CheckAsync();
        var notes = await grains.Assessment(sessionId, personId).GetObservationsAsync();
        return new LiveSimulation([.. actions.Select(LiveAction.Of)], [.. verdicts.Select(LiveVerdict.Of)], notes);
    }

    /// <summary>The seed and the action stream, or null before the candidate started.</summary>
    public Task<SimulationSnapshot?> SnapshotAsync(Guid sessionId, Guid personId) => grains.Simulation(sessionId, personId).GetAsync();

    /// <summary>The candidate's sandbox as it is now, for reading; null before they started.</summary>
    public Task<SandboxState?> StateAsync(Guid sessionId, Guid personId) => grains.Simulation(sessionId, personId).GetStateAsync();

    /// <summary>The names of panel members and note authors (CRM people), by person.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people) => queries.NamesAsync(people);

    /// <summary>The panel's notes, each with the action it is pinned to.</summary>
    public async Task<ObservationLog> ObservationsAsync(Guid sessionId, Guid personId)
    {
        var notes = await grains.Assessment(sessionId, personId).GetObservationsAsync();
        if (notes.Count == 0)
        {
            return new ObservationLog(notes, new Dictionary<int, SimulationAction>(), new Dictionary<Guid, string>());
        }

        var pinned = notes.Select(n => n.ActionSequence).ToHashSet();
        var actions = await grains.Simulation(sessionId, personId).GetActionsAsync(pinned.Min() - 1);
        return new ObservationLog(
            notes,
            actions.Where(a => pinned.Contains(a.Sequence)).ToDictionary(a => a.Sequence),
            await queries.NamesAsync(notes.Select(n => n.By)));
    }
}
