using Certification.Items;

namespace Certification.Exams;

/// <summary>Where an attempt is. Values are sent to pages and stored in projections: never renumber.</summary>
public enum AttemptStatus
{
    Ready = 1,
    InProgress = 2,
    Paused = 3,
    Submitted = 4,
}

/// <summary>The last state of one question as the candidate left it.</summary>
public sealed record QuestionAnswer(IReadOnlyList<string> Selected, bool Flagged, int ClientSeq, DateTimeOffset At);

/// <summary>
/// An attempt as the replay of its events: the clock, the answers and the result. Pure and
/// deterministic, so the grain, the audit page and an appeal all see the same thing.
/// </summary>
public sealed class AttemptState
{
    private readonly Dictionary<int, QuestionAnswer> _answers = [];

    public TestDrawn? Drawn { get; private set; }

    public AttemptStatus Status { get; private set; } = AttemptStatus.Ready;

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? PausedSince { get; private set; }

    public TimeSpan PausedTotal { get; private set; }

    public int ExtraMinutes { get; private set; }

    public int HighestClientSeq { get; private set; }

    public DateTimeOffset? LastActivity { get; private set; }

    public TestSubmitted? Submission { get; private set; }

    public DateTimeOffset? ResultReleasedAt { get; private set; }

    /// <summary>How many events made this state: the next event's number is one more.</summary>
    public int EventCount { get; private set; }

    public IReadOnlyDictionary<int, QuestionAnswer> Answers => _answers;

    public int Answered => _answers.Values.Count(a => a.Selected.Count > 0);

    public TimeSpan Duration => TimeSpan.FromMinutes((Drawn?.Minutes ?? 0) + ExtraMinutes);

    public void Apply(AttemptEvent @event)
    {
        switch (@event)
        {
            case TestDrawn drawn:
                Drawn = drawn;
                break;
            case TestStarted:
                StartedAt = @event.At;
                Status = AttemptStatus.InProgress;
                break;
            case AnswerSaved answer:
                _answers[answer.Question] = new QuestionAnswer(answer.Selected, answer.Flagged, answer.ClientSeq, answer.At);
                HighestClientSeq = Math.Max(HighestClientSeq, answer.ClientSeq);
                LastActivity = answer.At;
                break;
            case TestPaused:
                PausedSince = @event.At;
                Status = AttemptStatus.Paused;
                break;
            case TestResumed:
                PausedTotal += @event.At - PausedSince!.Value;
                PausedSince = null;
                Status = AttemptStatus.InProgress;
                break;
            case TimeExtended extended:
                ExtraMinutes += extended.Minutes;
                break;
            case TestSubmitted submitted:
                if (PausedSince is { } since)
                {
                    PausedTotal += submitted.At - since;
                    PausedSince = null;
                }

                Submission = submitted;
                Status = AttemptStatus.Submitted;
                break;
            case ResultReleased:
                ResultReleasedAt = @event.At;
                break;
        }

        EventCount++;
    }

    /// <summary>Time left at <paramref name="now"/>; the clock stands still while paused and after submission.</summary>
    public TimeSpan Remaining(DateTimeOffset now)
    {
        if (StartedAt is not { } started)
        {
            return Duration;
        }

        var until = Submission?.At ?? PausedSince ?? now;
        var left = Duration - (until - started - PausedTotal);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    /// <summary>The moment time runs out, if the clock is running.</summary>
    public DateTimeOffset? Deadline =>
        Status == AttemptStatus.InProgress && StartedAt is { } started ? started + PausedTotal + Duration : null;

    /// <summary>Whether the candidate may see their result: at once if the sitting says so, otherwise once released.</summary>
    public bool ResultVisible() => Submission is not null && (Drawn!.ShowResultAtOnce || ResultReleasedAt is not null);

    /// <summary>
    /// Whether item analysis should count this attempt: it was submitted after the candidate started. Attempts
    /// terminated by an operator and never-started ones closed with the session say nothing about the items.
    /// </summary>
    public bool CountsForItemAnalysis =>
        Submission is { Cause: not SubmissionCause.Terminated } && StartedAt is not null;

    public AttemptResult Score()
    {
        var drawn = Drawn ?? throw new InvalidOperationException("Nothing drawn to score");
        var perQuestion = Responses();
        var outcomes = perQuestion
            .GroupBy(q => q.Outcome)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OutcomeScore(g.Key, Math.Round(g.Sum(q => q.Score), 2), g.Count(), Percent(g.Sum(q => q.Score), g.Count())))
            .ToList();
        var points = perQuestion.Sum(q => q.Score);
        var percent = Percent(points, perQuestion.Count);
        return new AttemptResult(Math.Round(points, 2), perQuestion.Count, percent, percent >= drawn.PassPercent, outcomes);
    }

    /// <summary>Every drawn question with the candidate's last answer, scored against the key of the version shown.</summary>
    public IReadOnlyList<ItemResponse> Responses()
    {
        var drawn = Drawn ?? throw new InvalidOperationException("Nothing drawn to score");
        return [.. drawn.Questions.Select(q =>
        {
            IReadOnlyList<string> selected = _answers.TryGetValue(q.Number, out var a) ? a.Selected : [];
            return new ItemResponse(
                q.ItemId, q.ItemVersion, q.Outcome, q.Criterion, q.Kind, OptionIds(q), q.CorrectOptionIds, selected,
                Scoring.Score(q.Kind, [.. q.CorrectOptionIds], [.. selected]));
        })];
    }

    // True/false options are never shuffled and read best true first; other options were, so id order is the stable one.
    private static IReadOnlyList<string> OptionIds(DrawnQuestion question) =>
        question.Kind == ItemKind.TrueFalse
            ? [.. question.Options.Select(o => o.Id)]
            : [.. question.Options.Select(o => o.Id).Order(StringComparer.Ordinal)];

    private static decimal Percent(decimal points, int max) => max == 0 ? 0m : Math.Round(points * 100m / max, 1, MidpointRounding.AwayFromZero);
}
