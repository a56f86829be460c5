using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Sheet;

namespace Certification.Simulation;

/// <summary>
/// One entry of the action stream: what the candidate did (the command's <c>$type</c>, e.g. <c>opportunity.move</c>), when,
/// and what came of it. Both the candidate and the panel see these; the checkers' verdicts are not among them.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.sim.SimulationAction")]
public sealed record SimulationAction(
    [property: Id(0)] int Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Command,
    [property: Id(4)] bool Accepted,
    [property: Id(5)] string Summary,
    [property: Id(6)] string? CreatedId,
    [property: Id(7)] ImmutableList<CommandError> Errors)
{
    public static SimulationAction Of(ActionLogEntry entry) => new(
        entry.Sequence, entry.At, entry.Actor, SimulationCommands.TypeOf(entry.Command),
        entry.Outcome.Accepted, entry.Outcome.Summary, entry.Outcome.CreatedId, entry.Outcome.Errors);
}

/// <summary>
/// What a command came to. <see cref="Refusal"/> is set when the simulation itself refused it (session not open, not on
/// the roster, read-only) and nothing was logged; otherwise <see cref="Action"/> is the logged entry, accepted or refused
/// by the sandbox. <see cref="Repeated"/> says the command id was seen before and this is the first answer again.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.sim.SimulationAck")]
public sealed record SimulationAck(
    [property: Id(0)] string? Refusal,
    [property: Id(1)] SimulationAction? Action,
    [property: Id(2)] bool Repeated)
{
    public static SimulationAck Refused(string code) => new(code, null, false);
}

/// <summary>
/// Everything the candidate's browser may be shown: the brief, the task sheet, their sandbox and their own action
/// stream. No seed, exercise, checker or evidence: those stay on the server (DESIGN principle 5).
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.sim.CandidateWorkspace")]
public sealed record CandidateWorkspace(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] ScenarioBrief Brief,
    [property: Id(2)] TaskSheet Sheet,
    [property: Id(3)] SandboxState State,
    [property: Id(4)] ImmutableList<SimulationAction> Actions,
    [property: Id(5)] bool ReadOnly);

/// <summary>Opening the simulation: the workspace, or why the candidate cannot have it (one of <see cref="SimulationCodes"/>).</summary>
[GenerateSerializer, Immutable, Alias("cert.sim.SimulationOpening")]
public sealed record SimulationOpening([property: Id(0)] string? Refusal, [property: Id(1)] CandidateWorkspace? Workspace);

/// <summary>What the panel reads of a simulation: its seed and the action stream; verdicts and state have calls of their own.</summary>
[GenerateSerializer, Immutable, Alias("cert.sim.SimulationSnapshot")]
public sealed record SimulationSnapshot(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid CandidateId,
    [property: Id(2)] int Seed,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] ImmutableList<SimulationAction> Actions,
    [property: Id(5)] bool ReadOnly);

public static class SimulationCodes
{
    public const string NotStarted = "simulation.not_started";

    /// <summary>The session is not open yet: nothing can start before it opens.</summary>
    public const string SessionNotOpen = "simulation.session_not_open";

    /// <summary>The session has closed and the candidate never started the simulation: there is nothing to show and nothing can start.</summary>
    public const string SessionClosed = "simulation.session_closed";
    public const string NotOnRoster = "simulation.not_on_roster";
    public const string ReadOnly = "simulation.read_only";
    public const string CommandIdRequired = "simulation.command_id_required";
    public const string Concurrent = "simulation.concurrent";
}

public static class SimulationCommands
{
    public const int MaxCommandIdLength = 100;

    private static readonly Dictionary<Type, string> Types = typeof(SandboxCommand)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false)
        .Cast<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>Every command's discriminator, in the order the sandbox declares them.</summary>
    public static IReadOnlyCollection<string> All => Types.Values;

    /// <summary>The command's stored discriminator (<c>opportunity.move</c>), the name the action stream shows.</summary>
    public static string TypeOf(SandboxCommand command) => Types[command.GetType()];
}
