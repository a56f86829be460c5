using Certification.Common;

namespace Certification.Training;

[GenerateSerializer, Immutable, Alias("cert.training.OrderSnapshot")]
public sealed record OrderSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] OrderType Type,
    [property: Id(3)] OrderDetails Details,
    [property: Id(4)] OrderPhase Phase,
    [property: Id(5)] IReadOnlyList<Enrolment> Enrolments,
    [property: Id(6)] IReadOnlyList<Guid> Invited,
    [property: Id(7)] IReadOnlyList<OrderEvent> Events,
    [property: Id(8)] IReadOnlyList<IssuedCertificate> Certificates)
{
    public IEnumerable<OrderPhase> NextPhases() => Type.Next(Phase.Id);

    public int Enrolled() => Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled);

    /// <summary>The waiting list in the order places are offered.</summary>
    public IEnumerable<Enrolment> Waiting() => Enrolments.Where(e => e.Status == EnrolmentStatus.Waiting).OrderBy(e => e.Since);
}

/// <summary>The outcome of an enrolment: where the person landed (enrolled or waiting), or why not.</summary>
[GenerateSerializer, Immutable, Alias("cert.training.EnrolmentResult")]
public sealed record EnrolmentResult([property: Id(0)] CommandResult Result, [property: Id(1)] EnrolmentStatus? Status);

/// <summary>One training order (zlecenie): its details, phase, enrolments with the waiting list, invitations and attendance.</summary>
[Alias("cert.training.ITrainingOrderGrain")]
public interface ITrainingOrderGrain : IGrainWithGuidKey
{
    /// <summary>Creates the order in the first phase of its type.</summary>
    [Alias("Create")]
    Task<CommandResult> CreateAsync(string typeId, OrderDetails details, string actor);

    [Alias("Update")]
    Task<CommandResult> UpdateAsync(int expectedVersion, OrderDetails details, string actor);

    [Alias("MoveTo")]
    Task<CommandResult> MoveToAsync(string phase, string actor);

    /// <summary>
    /// Enrols a person from the organisation they work for now. A partner administrator acts for
    /// <paramref name="partnerClientId"/> and may enrol only that organisation's people.
    /// </summary>
    [Alias("Enrol")]
    Task<EnrolmentResult> EnrolAsync(Guid personId, EnrolmentSource source, Guid? partnerClientId, string actor);

    [Alias("Resign")]
    Task<CommandResult> ResignAsync(Guid personId, EnrolmentSource by, Guid? partnerClientId, string actor);

    /// <summary>Links invited people to the order; returns those not invited before.</summary>
    [Alias("Invite")]
    Task<IReadOnlyList<Guid>> InviteAsync(IReadOnlyList<Guid> people, string actor);

    [Alias("RecordAttendance")]
    Task<CommandResult> RecordAttendanceAsync(DateOnly day, IReadOnlyList<Guid> present, string actor);

    /// <summary>Issues participation certificates to everyone who earned one and has none yet; each gets an e-mail with its link.</summary>
    [Alias("IssueCertificates")]
    Task<CommandResult> IssueCertificatesAsync(string actor);

    /// <summary>
    /// The person <paramref name="absorbed"/> was merged into <paramref name="survivor"/>: the order names the survivor
    /// instead, in its enrolments, invitations, certificates and as its trainer. Once done, calling again changes nothing.
    /// </summary>
    [Alias("ReplacePerson")]
    Task<CommandResult> ReplacePersonAsync(Guid absorbed, Guid survivor, string actor);

    [Alias("Get")]
    Task<OrderSnapshot?> GetAsync();

    [Alias("RefreshProjection")]
    Task RefreshProjectionAsync();
}
