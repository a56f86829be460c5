namespace Certification.Training;

/// <summary>Where a person stands on an order. Values are stored: never renumber.</summary>
public enum EnrolmentStatus
{
    Enrolled = 1,
    Waiting = 2,
    Resigned = 3,
}

/// <summary>Who put the person on the order.</summary>
public enum EnrolmentSource
{
    Office = 1,
    Partner = 2,
    Self = 3,
}

/// <summary>
/// A person on a training order: enrolled, on the waiting list (ordered by <see cref="Since"/>) or
/// resigned, and the meeting days they attended.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.training.Enrolment")]
public sealed record Enrolment(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] Guid? ClientId,
    [property: Id(2)] EnrolmentStatus Status,
    [property: Id(3)] EnrolmentSource Source,
    [property: Id(4)] DateTimeOffset Since,
    [property: Id(5)] IReadOnlyList<DateOnly> Attended);

/// <summary>Something that happened to an order, for its own record and the contact history of the people concerned.</summary>
[GenerateSerializer, Immutable, Alias("cert.training.OrderEvent")]
public sealed record OrderEvent(
    [property: Id(0)] int Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] OrderEventKind Kind,
    [property: Id(4)] Guid? PersonId,
    [property: Id(5)] string? Detail);

/// <summary>Values are stored: never renumber.</summary>
public enum OrderEventKind
{
    Created = 1,
    Updated = 2,
    PhaseChanged = 3,
    Enrolled = 4,
    WaitListed = 5,
    Promoted = 6,
    Resigned = 7,
    Invited = 8,
    Attendance = 9,
    CertificateIssued = 10,

    /// <summary>
    /// A record of the person (the event's person) absorbed another that was on the order; the detail names the
    /// absorbed record and, when both were on it, which enrolment was kept (<see cref="TrainingOrderRules.ReplacePerson"/>).
    /// </summary>
    PersonMerged = 11,
}

/// <summary>
/// A participation certificate given to a person for an order: its printed number, and the secret code
/// of its public page (the QR code and the e-mail lead there; the page offers the PDF).
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.training.IssuedCertificate")]
public sealed record IssuedCertificate(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string Number,
    [property: Id(2)] string Code,
    [property: Id(3)] DateOnly IssuedOn);
