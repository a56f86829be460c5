using System.Collections.Immutable;

namespace Certification.ExamSimulator.Sheet;

/// <summary>A question of the sheet answered by reading the CRM (<see cref="Sandbox.AnswerQuestion"/>).</summary>
public sealed record SheetQuestion(string Id, string Text);

/// <summary>One task of the sheet: what to do, step by step, and the criteria of the qualification it serves.</summary>
public sealed record SheetTask(string Number, string Title, string Introduction, ImmutableList<string> Steps, ImmutableList<string> CriterionIds, ImmutableList<SheetQuestion> Questions);

/// <summary>The candidate's task sheet, in Polish, generated with the scenario: the same seed gives the same sheet.</summary>
public sealed record TaskSheet(int Seed, string Title, string Introduction, ImmutableList<SheetTask> Tasks);
