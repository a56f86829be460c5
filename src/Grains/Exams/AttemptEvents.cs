using System.Text.Json.Serialization;

namespace Certification.Exams;

/// <summary>
/// Everything that happens to a theory-test attempt, as stored in <c>attempt_event</c>. The JSON
/// property names are the stored schema: add members, never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TestDrawn), "drawn")]
[JsonDerivedType(typeof(TestStarted), "started")]
[JsonDerivedType(typeof(AnswerSaved), "answered")]
[JsonDerivedType(typeof(TestPaused), "paused")]
[JsonDerivedType(typeof(TestResumed), "resumed")]
[JsonDerivedType(typeof(TimeExtended), "extended")]
[JsonDerivedType(typeof(TestSubmitted), "submitted")]
[JsonDerivedType(typeof(ResultReleased), "released")]
public abstract record AttemptEvent
{
    /// <summary>Who caused it: a user id, or <c>system</c> for the clock.</summary>
    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Why, for operator actions (mandatory there).</summary>
    public string? Reason { get; init; }
}

/// <summary>The questions drawn for the candidate, pinned to item versions, with the rules of the sitting.</summary>
public sealed record TestDrawn(
    Guid SessionId, Guid PersonId, string Qualification, int Seed, int Minutes, int PassPercent, bool ShowResultAtOnce,
    IReadOnlyList<DrawnQuestion> Questions) : AttemptEvent;

public sealed record TestStarted : AttemptEvent;

/// <summary>The state of one question after a change the candidate made; <see cref="ClientSeq"/> orders changes.</summary>
public sealed record AnswerSaved(int ClientSeq, int Question, IReadOnlyList<string> Selected, bool Flagged) : AttemptEvent;

public sealed record TestPaused : AttemptEvent;

public sealed record TestResumed : AttemptEvent;

public sealed record TimeExtended(int Minutes) : AttemptEvent;

public enum SubmissionCause
{
    Candidate = 1,
    TimeUp = 2,
    Terminated = 3,
    SessionClosed = 4,
}

/// <summary>The end of the attempt, with the result as it was computed then.</summary>
public sealed record TestSubmitted(SubmissionCause Cause, AttemptResult Result) : AttemptEvent;

/// <summary>The result of a sitting whose results wait for the panel's decision is shown to the candidate from now on.</summary>
public sealed record ResultReleased : AttemptEvent;
