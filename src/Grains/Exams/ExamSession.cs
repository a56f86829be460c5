using Orleans.Concurrency;

namespace Certification.Exams;

/// <summary>Where an exam session is. Values are stored: never renumber.</summary>
public enum SessionStatus
{
    Scheduled = 1,
    Open = 2,
    Closed = 3,
}

/// <summary>What a training administrator schedules: which qualification, when, where, who supervises.</summary>
[GenerateSerializer, Immutable, Alias("cert.exams.SessionDetails")]
public sealed record SessionDetails(
    [property: Id(0)] string Qualification,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] string? Room,
    [property: Id(4)] Guid OperatorId,
    [property: Id(5)] bool ShowResultAtOnce);

[GenerateSerializer, Immutable, Alias("cert.exams.SessionSnapshot")]
public sealed record SessionSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] SessionDetails Details,
    [property: Id(3)] SessionStatus Status,
    [property: Id(4)] IReadOnlyList<Guid> Roster,
    [property: Id(5)] DateTimeOffset? ResultsReleasedAt = null);

/// <summary>A portal process watching sessions for the operators connected to it.</summary>
[Alias("cert.exams.IExamSessionObserver")]
public interface IExamSessionObserver : IGrainObserver
{
    [Alias("BoardChanged"), OneWay]
    Task BoardChanged(Guid sessionId, IReadOnlyList<AttemptBoardRow> rows);
}

/// <summary>
/// One exam sitting (a Guid key): its schedule, its roster of candidates, whether it is open, and the
/// live board of their attempts that operators watch.
/// </summary>
[Alias("cert.exams.IExamSessionGrain")]
public interface IExamSessionGrain : IGrainWithGuidKey
{
    [Alias("Schedule")]
    Task<Common.CommandResult> ScheduleAsync(SessionDetails details);

    [Alias("Update")]
    Task<Common.CommandResult> UpdateAsync(int expectedVersion, SessionDetails details);

    /// <summary>Replaces the roster; people added while the session is open get their test drawn at once.</summary>
    [Alias("SetRoster")]
    Task<Common.CommandResult> SetRosterAsync(int expectedVersion, IReadOnlyList<Guid> people);

    /// <summary>Opens the session: every candidate's test is drawn, and candidates may start.</summary>
    [Alias("Open")]
    Task<Common.CommandResult> OpenAsync(string actor);

    [Alias("Close")]
    Task<Common.CommandResult> CloseAsync(string actor);

    /// <summary>
    /// Shows every candidate of a closed sitting their withheld result, once the panel has decided.
    /// Releasing twice changes nothing.
    /// </summary>
    [Alias("ReleaseResults")]
    Task<Common.CommandResult> ReleaseResultsAsync(string actor);

    [Alias("Get")]
    Task<SessionSnapshot?> GetAsync();

    /// <summary>Makes every attempt of an open session check its deadline (the session's reminder does this each minute).</summary>
    [Alias("CheckDeadlines")]
    Task CheckDeadlinesAsync();

    [Alias("Report"), OneWay]
    Task ReportAsync(AttemptBoardRow row);

    [Alias("Board")]
    Task<IReadOnlyList<AttemptBoardRow>> GetBoardAsync();

    /// <summary>Subscribes (or renews) an observer; subscriptions lapse unless renewed within a minute.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IExamSessionObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IExamSessionObserver observer);
}
