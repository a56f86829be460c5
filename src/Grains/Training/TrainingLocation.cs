namespace Certification.Training;

/// <summary>A place from the fixed list where trainings are held; the county lets invitations go to clients nearby.</summary>
[GenerateSerializer, Immutable, Alias("cert.training.TrainingLocation")]
public sealed record TrainingLocation(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Address,
    [property: Id(3)] string City,
    [property: Id(4)] string County,
    [property: Id(5)] bool Active = true);
