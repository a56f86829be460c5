using System.Collections.Immutable;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>
/// A broken rule: the field it concerns, a stable code (<c>account.nip_checksum</c>, one of <see cref="RefusalCodes"/>)
/// and the sentence a Polish user reads. A UI in another language words the rule itself from the code (with the
/// <see cref="Variant"/> where one rule has several wordings), the field's <see cref="Label"/> in its own language and
/// the <see cref="Arguments"/> as they are; the simulator stays free of any UI language but its own Polish.
/// </summary>
public sealed record CommandError(string Field, string Code, string Message)
{
    /// <summary>
    /// The values the sentence names, in order: names, ids, numbers and dates as the candidate typed or sees them.
    /// Null in refusals recorded before they carried their values: such a refusal has only its <see cref="Message"/>.
    /// </summary>
    public ImmutableList<string>? Arguments { get; init; }

    /// <summary>The form field the rule is about (one of <see cref="FieldLabels"/>): a word of the simulated CRM's forms, not data.</summary>
    public string? Label { get; init; }

    /// <summary>Which wording of the rule applies, where one code has several (<see cref="RefusalCodes.Variants"/>).</summary>
    public string? Variant { get; init; }
}

/// <summary>
/// What a command did: accepted, with a Polish <see cref="Summary"/> of the change for the action stream (and the id
/// of a record it created), or refused with the reasons, leaving the state as it was.
/// </summary>
public sealed record CommandOutcome(bool Accepted, string Summary, string? CreatedId, ImmutableList<CommandError> Errors)
{
    public static CommandOutcome Done(string summary, string? createdId = null) => new(true, summary, createdId, []);

    public static CommandOutcome Refused(IEnumerable<CommandError> errors) => new(false, "", null, [.. errors]);

    /// <summary>The refusal in one sentence: the reasons joined.</summary>
    public string Reason() => string.Join(" ", Errors.Select(e => e.Message));
}
