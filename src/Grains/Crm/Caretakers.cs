namespace Certification.Crm;

/// <summary>An account manager who looks after a client (its "opiekun"), and since when.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.Caretaker")]
public sealed record Caretaker(
    [property: Id(0)] Guid AccountId,
    [property: Id(1)] DateTimeOffset Since);

/// <summary>A caretaker given to a client or taken off it, for the client's contact history.</summary>
/// <param name="AccountName">The account's name at the time, as the history tells it.</param>
[GenerateSerializer, Immutable, Alias("cert.crm.CaretakerEvent")]
public sealed record CaretakerEvent(
    [property: Id(0)] int Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] bool Assigned,
    [property: Id(3)] Guid AccountId,
    [property: Id(4)] string AccountName,
    [property: Id(5)] string Actor);

public static class CaretakerCodes
{
    public const string AlreadyAssigned = "caretaker.already_assigned";
    public const string NotAssigned = "caretaker.not_assigned";
}
