namespace Certification.Crm;

/// <summary>
/// One period of a person's work at a client, in one unit and position. <see cref="Until"/> is the last
/// day worked; an open record (no <see cref="Until"/>) is the person's current job. Records never
/// overlap and follow each other in time, so the history says truthfully who worked where and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.crm.Employment")]
public sealed record Employment(
    [property: Id(0)] int Seq,
    [property: Id(1)] Guid ClientId,
    [property: Id(2)] string? Unit,
    [property: Id(3)] string? Position,
    [property: Id(4)] DateOnly From,
    [property: Id(5)] DateOnly? Until)
{
    /// <summary>
    /// The record of the person it was entered on, when it came from a record merged into this one
    /// (<see cref="PersonGrain.MergeAsync"/>); null for the person's own records.
    /// </summary>
    [Id(6)]
    public Guid? Origin { get; init; }
}

public enum EmploymentEventKind
{
    /// <summary>Work at a client began (the first job, or a move from another client).</summary>
    Started = 1,

    /// <summary>A new unit or position at the same client: a promotion or a transfer.</summary>
    Changed = 2,

    /// <summary>Work at a client ended.</summary>
    Ended = 3,

    /// <summary>The current record was corrected (a typo, a wrong unit); nothing changed in reality.</summary>
    Corrected = 4,
}

/// <summary>
/// What happened to a person's employment, when it was recorded and by whom: the person's and the
/// client's contact history shows these. <see cref="Date"/> is the day it took effect.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.crm.EmploymentEvent")]
public sealed record EmploymentEvent(
    [property: Id(0)] int Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] EmploymentEventKind Kind,
    [property: Id(3)] Guid ClientId,
    [property: Id(4)] string ClientName,
    [property: Id(5)] string? Unit,
    [property: Id(6)] string? Position,
    [property: Id(7)] DateOnly Date,
    [property: Id(8)] string Actor);
