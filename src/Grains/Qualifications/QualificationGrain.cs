using System.Text.Json;
using Certification.Infrastructure;

namespace Certification.Qualifications;

[GrainType("qualification")]
public sealed class QualificationGrain(
    [PersistentState("qualification", OrleansHostingExtensions.GrainStore)] IPersistentState<QualificationState> state,
    TimeProvider clock) : Grain, IQualificationGrain
{
    public async Task<int> PublishAsync(Qualification definition)
    {
        if (definition.Code != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Definition {definition.Code} sent to qualification {this.GetPrimaryKeyString()}", nameof(definition));
        }

        // Records holding lists compare by reference, so compare what would be stored.
        var json = JsonSerializer.Serialize(definition, QualificationDefinitions.Json);
        if (state.RecordExists && json == JsonSerializer.Serialize(state.State.Definition, QualificationDefinitions.Json))
        {
            return state.State.Version;
        }

        state.State = new QualificationState
        {
            Version = state.State.Version + 1,
            Definition = definition,
            PublishedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        return state.State.Version;
    }

    public Task<Qualification?> GetAsync() => Task.FromResult(state.RecordExists ? state.State.Definition : null);
}

[GenerateSerializer, Alias("cert.qual.QualificationState")]
public sealed record QualificationState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public Qualification? Definition { get; init; }
    [Id(2)] public DateTimeOffset PublishedAt { get; init; }
}
