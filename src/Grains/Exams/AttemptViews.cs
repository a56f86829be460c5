using Certification.Items;

namespace Certification.Exams;

/// <summary>A question as the candidate's browser gets it: no key, no item id, no explanation.</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.QuestionView")]
public sealed record QuestionView(
    [property: Id(0)] int Number,
    [property: Id(1)] ItemKind Kind,
    [property: Id(2)] string Stem,
    [property: Id(3)] IReadOnlyList<ShownOption> Options);

[GenerateSerializer, Immutable, Alias("cert.exams.AnswerView")]
public sealed record AnswerView([property: Id(0)] int Question, [property: Id(1)] IReadOnlyList<string> Selected, [property: Id(2)] bool Flagged);

/// <summary>Everything the candidate's page needs to show the attempt, or to resume it in another browser.</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.AttemptView")]
public sealed record AttemptView(
    [property: Id(0)] AttemptStatus Status,
    [property: Id(1)] IReadOnlyList<QuestionView> Questions,
    [property: Id(2)] IReadOnlyList<AnswerView> Answers,
    [property: Id(3)] int HighestSeq,
    [property: Id(4)] int RemainingSeconds,
    [property: Id(5)] AttemptResult? Result,
    [property: Id(6)] bool ResultWithheld);

/// <summary>A change the candidate made to one question, numbered by their page.</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.AnswerChange")]
public sealed record AnswerChange(
    [property: Id(0)] int Seq,
    [property: Id(1)] int Question,
    [property: Id(2)] IReadOnlyList<string> Selected,
    [property: Id(3)] bool Flagged);

public enum SaveOutcome
{
    /// <summary>Stored durably now.</summary>
    Saved = 1,

    /// <summary>Already stored (a resend), or superseded by a later change to the same question: nothing to do.</summary>
    AlreadySaved = 2,

    /// <summary>Refused; see the code.</summary>
    Rejected = 3,
}

[GenerateSerializer, Immutable, Alias("cert.exams.SaveAck")]
public sealed record SaveAck(
    [property: Id(0)] int Seq,
    [property: Id(1)] SaveOutcome Outcome,
    [property: Id(2)] string? Code,
    [property: Id(3)] int RemainingSeconds,
    [property: Id(4)] AttemptStatus Status);

/// <summary>What happened when a page opened the attempt, and which older page (if any) lost it.</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.OpenResult")]
public sealed record OpenResult(
    [property: Id(0)] AttemptView? View,
    [property: Id(1)] string? Code,
    [property: Id(2)] string? DisplacedConnection);

/// <summary>One row of the exam operator's live roster.</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.AttemptBoardRow")]
public sealed record AttemptBoardRow(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] AttemptStatus Status,
    [property: Id(2)] bool Connected,
    [property: Id(3)] int Answered,
    [property: Id(4)] int Questions,
    [property: Id(5)] int RemainingSeconds,
    [property: Id(6)] DateTimeOffset? LastActivity,
    [property: Id(7)] decimal? Percent,
    [property: Id(8)] bool? Passed);

/// <summary>Codes of refusals the candidate's page and the operator's console explain to people.</summary>
public static class AttemptCodes
{
    public const string NotPrepared = "attempt.not_prepared";
    public const string SessionNotOpen = "attempt.session_not_open";
    public const string OpenedElsewhere = "attempt.opened_elsewhere";
    public const string Submitted = "attempt.submitted";
    public const string Paused = "attempt.paused";
    public const string NotStarted = "attempt.not_started";
    public const string BadQuestion = "attempt.bad_question";
    public const string BadOption = "attempt.bad_option";
    public const string OneOptionOnly = "attempt.one_option_only";
    public const string ReasonRequired = "attempt.reason_required";
    public const string NotPaused = "attempt.not_paused";
    public const string ExtensionRange = "attempt.extension_range";
}

public static class TheoryTestKey
{
    public static string For(Guid sessionId, Guid personId) => $"{sessionId:N}:{personId:N}";
}
