namespace Certification.Exams;

/// <summary>
/// One candidate's theory test in one exam session (key: <see cref="TheoryTestKey"/>): the questions
/// drawn for them, their answers, the clock and the result. Every change is appended to
/// <c>attempt_event</c> before it is acknowledged.
/// </summary>
[Alias("cert.exams.ITheoryTestGrain")]
public interface ITheoryTestGrain : IGrainWithStringKey
{
    /// <summary>Draws the questions for this candidate, once; later calls change nothing.</summary>
    [Alias("Prepare")]
    Task PrepareAsync(Guid sessionId, Guid personId, string qualification, bool showResultAtOnce);

    /// <summary>A page (identified by its connection) opens the attempt; the clock starts on the first open.</summary>
    [Alias("Open")]
    Task<OpenResult> OpenAsync(string connectionId, string actor);

    [Alias("SaveAnswer")]
    Task<SaveAck> SaveAnswerAsync(string connectionId, string actor, AnswerChange change);

    [Alias("Submit")]
    Task<OpenResult> SubmitAsync(string connectionId, string actor);

    [Alias("Disconnected")]
    Task DisconnectedAsync(string connectionId);

    [Alias("Pause")]
    Task<string?> PauseAsync(string actor, string reason);

    [Alias("Resume")]
    Task<string?> ResumeAsync(string actor, string reason);

    [Alias("Extend")]
    Task<string?> ExtendAsync(int minutes, string actor, string reason);

    [Alias("Terminate")]
    Task<string?> TerminateAsync(string actor, string reason);

    /// <summary>The session closed: an attempt not yet submitted is submitted as it stands (never started: with no answers).</summary>
    [Alias("SessionClosed")]
    Task SessionClosedAsync(string actor);

    [Alias("Board")]
    Task<AttemptBoardRow?> GetBoardRowAsync();

    /// <summary>Shows a withheld result to the candidate; false while there is no result yet.</summary>
    [Alias("ReleaseResult")]
    Task<bool> ReleaseResultAsync(string actor);

    /// <summary>The result with the per-outcome scores, for staff (candidates see it only when the session allows).</summary>
    [Alias("Result")]
    Task<AttemptResult?> GetResultAsync();
}
