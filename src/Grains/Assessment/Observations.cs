namespace Certification.Assessment;

/// <summary>A panel member's note pinned to one action of the candidate's simulation (its sequence number in the action stream).</summary>
[GenerateSerializer, Immutable, Alias("cert.assess.ObservationNote")]
public sealed record ObservationNote(
    [property: Id(0)] int ActionSequence,
    [property: Id(1)] string Text,
    [property: Id(2)] Guid By,
    [property: Id(3)] DateTimeOffset At);

/// <summary>
/// What the panel may pin to the candidate's action stream while watching: a short text about an action that exists,
/// by a member of the panel, until the decision is signed. Notes are part of the record the decision and an appeal
/// read, so a note added afterwards could not have informed the decision and is refused.
/// </summary>
public static class ObservationRules
{
    public const int MaxLength = 2000;
    public const string TextRequired = "observation.text_required";
    public const string TooLong = "observation.too_long";
    public const string UnknownAction = "observation.unknown_action";
    public const string DecisionFinal = "observation.decision_final";

    /// <summary>Null when the text may be recorded (it is kept trimmed); otherwise why not.</summary>
    public static string? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? TextRequired
        : text.Trim().Length > MaxLength ? TooLong
        : null;
}
