namespace Certification.Training;

[GenerateSerializer, Alias("cert.training.TrainingOrderState")]
public sealed record TrainingOrderState
{
    [Id(0)] public int Version { get; init; }

    /// <summary>The order type as it was when the order was created: later edits of the type do not move running orders.</summary>
    [Id(1)] public OrderType? Type { get; init; }

    [Id(2)] public OrderDetails? Details { get; init; }

    [Id(3)] public string Phase { get; init; } = string.Empty;

    [Id(4)] public IReadOnlyList<Enrolment> Enrolments { get; init; } = [];

    [Id(5)] public IReadOnlyList<Guid> Invited { get; init; } = [];

    [Id(6)] public IReadOnlyList<OrderEvent> Events { get; init; } = [];

    [Id(7)] public DateTimeOffset CreatedAt { get; init; }

    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }

    [Id(9)] public IReadOnlyList<IssuedCertificate> Certificates { get; init; } = [];

    public OrderPhase CurrentPhase() => Type!.Phase(Phase)!;

    public int EnrolledCount() => Enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled);

    public Enrolment? EnrolmentOf(Guid person) => Enrolments.FirstOrDefault(e => e.PersonId == person);
}
