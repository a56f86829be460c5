using Certification.Common;
using Certification.Infrastructure;

namespace Certification.Training;

[GrainType("trainingsetup")]
public sealed class TrainingSetupGrain(
    [PersistentState("trainingsetup", OrleansHostingExtensions.GrainStore)] IPersistentState<TrainingSetupState> state) : Grain, ITrainingSetupGrain
{
    public Task<TrainingSetup> GetAsync() => Task.FromResult(Snapshot());

    public async Task<CommandResult> SaveTypeAsync(OrderType type)
    {
        var (normalized, errors) = OrderTypes.Check(type);
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        var types = Snapshot().Types;
        state.State = state.State with
        {
            Version = state.State.Version + 1,
            Types = types.Any(t => t.Id == normalized.Id)
                ? [.. types.Select(t => t.Id == normalized.Id ? normalized : t)]
                : [.. types, normalized],
        };
        await state.WriteStateAsync();
        return CommandResult.Ok(state.State.Version);
    }

    public async Task<CommandResult> SaveLocationAsync(TrainingLocation location)
    {
        var errors = new List<FieldError>();
        var name = FieldRules.Text(errors, "Name", location.Name, 200) ?? string.Empty;
        var address = FieldRules.Text(errors, "Address", location.Address, 300) ?? string.Empty;
        var city = FieldRules.Text(errors, "City", location.City, 100) ?? string.Empty;
        var county = FieldRules.Text(errors, "County", location.County, 100) ?? string.Empty;
        if (location.Id == Guid.Empty)
        {
            errors.Add(new FieldError("Id", ErrorCodes.Required));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        var normalized = location with { Name = name, Address = address, City = city, County = county };
        var locations = state.State.Locations;
        state.State = state.State with
        {
            Version = state.State.Version + 1,
            Types = Snapshot().Types,
            Locations = locations.Any(l => l.Id == location.Id)
                ? [.. locations.Select(l => l.Id == location.Id ? normalized : l)]
                : [.. locations, normalized],
        };
        await state.WriteStateAsync();
        return CommandResult.Ok(state.State.Version);
    }

    // Until someone defines their own, the office works with the usual course of a training.
    private TrainingSetup Snapshot() =>
        new(state.State.Version, state.State.Types.Count > 0 ? state.State.Types : [OrderTypes.Default], state.State.Locations);
}

[GenerateSerializer, Alias("cert.training.TrainingSetupState")]
public sealed record TrainingSetupState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public IReadOnlyList<OrderType> Types { get; init; } = [];
    [Id(2)] public IReadOnlyList<TrainingLocation> Locations { get; init; } = [];
}
