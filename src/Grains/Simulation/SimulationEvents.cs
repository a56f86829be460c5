using System.Text.Json.Serialization;
using Certification.ExamSimulator.Sandbox;
using Certification.Infrastructure;

namespace Certification.Simulation;

/// <summary>
/// One candidate's simulation as stored in <c>audit_event</c>: the seed drawn when it started, then every command
/// the candidate gave, accepted or refused, in order. The JSON property names are the stored schema: add members,
/// never rename them; commands keep the simulator's own <c>$type</c> discriminators.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SimulationStarted), "simulation-started")]
[JsonDerivedType(typeof(SimulationActionTaken), "simulation-action")]
public abstract record SimulationEvent : AuditedEvent;

/// <summary>The scenario's seed, drawn once: an appeal rebuilds the same scenario from it.</summary>
public sealed record SimulationStarted(Guid SessionId, Guid CandidateId, int Seed) : SimulationEvent;

/// <summary>
/// A command and what came of it (<see cref="ExamSimulator.Actions.ActionLogEntry"/> with <see cref="AuditedEvent.At"/> and
/// <see cref="AuditedEvent.Actor"/>); <see cref="CommandId"/> is the page's idempotency key, so a retry is not applied twice.
/// </summary>
public sealed record SimulationActionTaken(string CommandId, int Sequence, SandboxCommand Command, CommandOutcome Outcome) : SimulationEvent;
