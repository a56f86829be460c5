using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>Who did something in the sandbox, and when (the real instant; the sandbox turns it into simulated time).</summary>
public sealed record ActionContext(DateTimeOffset At, string Actor);

/// <summary>
/// Applies candidate commands to a sandbox state. It is pure: the same state, command and context always give the
/// same new state and outcome, and a refused command returns the state it was given. The grain calls it for every
/// command and persists the log; a replay calls it for every logged command again.
/// </summary>
public static partial class SandboxEngine
{
    private const int NameLength = 200;
    private const int ShortNameLength = 100;
    private const int TextLength = 2000;

    private readonly record struct Step(SandboxState State, CommandOutcome Outcome);

    /// <summary>The simulated moment and the actor of one command.</summary>
    private sealed record Now(DateTime At, string Actor, DateOnly Today);

    public static (SandboxState State, CommandOutcome Outcome) Apply(SandboxState state, SandboxCommand command, ActionContext context)
    {
        var now = new Now(SimulatedTime.At(state.ReferenceDate, context.At), context.Actor, state.ReferenceDate);
        var step = command switch
        {
            CreateAccount c => Handle(state, c, now),
            UpdateAccount c => Handle(state, c, now),
            RecordAccountEvent c => Handle(state, c, now),
            CreateContact c => Handle(state, c, now),
            UpdateContact c => Handle(state, c),
            SaveSegment c => Handle(state, c, now),
            DeleteSegment c => Handle(state, c),
            CreatePipeline c => Handle(state, c, now),
            AddStage c => Handle(state, c),
            UpdateStage c => Handle(state, c),
            MoveStage c => Handle(state, c),
            RemoveStage c => Handle(state, c),
            CreateOpportunity c => Handle(state, c, now),
            UpdateOpportunity c => Handle(state, c, now),
            MoveOpportunity c => Handle(state, c, now),
            CloseOpportunity c => Handle(state, c, now),
            ReopenOpportunity c => Handle(state, c, now),
            AddActivity c => Handle(state, c, now),
            CompleteActivity c => Handle(state, c, now),
            CreateTask c => Handle(state, c, now),
            UpdateTask c => Handle(state, c, now),
            UpdateTaskProgress c => Handle(state, c),
            SaveTaskList c => Handle(state, c, now),
            DeleteTaskList c => Handle(state, c),
            SaveReport c => Handle(state, c, now),
            DeleteReport c => Handle(state, c),
            ExportReport c => Handle(state, c, now),
            SaveOfferTemplate c => Handle(state, c, now),
            DeleteOfferTemplate c => Handle(state, c),
            GenerateOffer c => Handle(state, c, now),
            SendOffer c => Handle(state, c, now),
            AnswerQuestion c => Handle(state, c, now),
            _ => throw new ArgumentException($"Unknown sandbox command {command.GetType().Name}", nameof(command)),
        };

        return step.Outcome.Accepted
            ? (step.State with { Version = state.Version + 1 }, step.Outcome)
            : (state, step.Outcome);
    }

    private static Step Refuse(SandboxState state, IEnumerable<CommandError> errors) => new(state, CommandOutcome.Refused(errors));

    private static Step Refuse(SandboxState state, CommandError error) => Refuse(state, [error]);

    private static Step Done(SandboxState state, string summary, string? createdId = null) => new(state, CommandOutcome.Done(summary, createdId));

    /// <summary>Required text within a length.</summary>
    private static void RequireText(List<CommandError> errors, string? value, string field, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(Refusals.Required(field, label));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(Refusals.TooLong(field, label, max));
        }
    }

    private static void OptionalText(List<CommandError> errors, string? value, string field, string label, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(Refusals.TooLong(field, label, max));
        }
    }

    /// <summary>"wartość: 30 000,00 zł → 35 500,00 zł" for each field that differs, for summaries and history.</summary>
    private static string Changes(params (string Label, string? Before, string? After)[] fields) =>
        string.Join("; ", fields
            .Where(f => (f.Before ?? "") != (f.After ?? ""))
            .Select(f => $"{f.Label}: {Shown(f.Before)} → {Shown(f.After)}"));

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(puste)" : value;

    private static string Quoted(string text) => "„" + text + "”";
}
