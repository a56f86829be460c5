using Certification.Common;

namespace Certification.Training;

[GenerateSerializer, Immutable, Alias("cert.training.TrainingSetup")]
public sealed record TrainingSetup(
    [property: Id(0)] int Version,
    [property: Id(1)] IReadOnlyList<OrderType> Types,
    [property: Id(2)] IReadOnlyList<TrainingLocation> Locations);

/// <summary>
/// The training office's settings (one grain, key <see cref="Key"/>): the kinds of training orders with
/// their phases, and the fixed list of locations.
/// </summary>
[Alias("cert.training.ITrainingSetupGrain")]
public interface ITrainingSetupGrain : IGrainWithStringKey
{
    public const string Key = "default";

    [Alias("Get")]
    Task<TrainingSetup> GetAsync();

    /// <summary>Adds a type or replaces the one with the same id; orders already created keep the phases they started with.</summary>
    [Alias("SaveType")]
    Task<CommandResult> SaveTypeAsync(OrderType type);

    [Alias("SaveLocation")]
    Task<CommandResult> SaveLocationAsync(TrainingLocation location);
}
