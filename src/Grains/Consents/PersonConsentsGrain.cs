using System.Security.Cryptography;
using Certification.Common;
using Certification.Infrastructure;

namespace Certification.Consents;

[GrainType("personconsents")]
public sealed class PersonConsentsGrain(
    [PersistentState("personconsents", OrleansHostingExtensions.GrainStore)] IPersistentState<PersonConsentsState> state,
    ConsentProjection projection,
    TimeProvider clock) : Grain, IPersonConsentsGrain
{
    private Guid PersonId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            // Kept once the first decision is stored; marketing mail (which carries the token) needs one anyway.
            state.State = new PersonConsentsState { UnsubscribeToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), HistoryId = Guid.NewGuid() };
            return Task.CompletedTask;
        }

        // A crash between the state write and the read model leaves it behind; this repairs it.
        return projection.WriteAsync(PersonId, state.State);
    }

    public async Task<CommandResult> RecordAsync(ConsentPurpose purpose, bool given, string source, string actor)
    {
        if (!Enum.IsDefined(purpose))
        {
            return CommandResult.Rejected("Purpose", ConsentRules.UnknownPurpose);
        }

        var errors = new List<FieldError>();
        var how = FieldRules.Text(errors, "Source", source, 200);
        if (how is null)
        {
            return CommandResult.Rejected("Source", ConsentRules.SourceRequired);
        }

        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        var record = new ConsentRecord(purpose, given, clock.GetUtcNow(), how, actor);
        await SaveAsync(state.State with
        {
            History = [.. state.State.History, record],
            // Giving the marketing consent again is the person asking for mail again.
            Unsubscribed = !(purpose == ConsentPurpose.Marketing && given) && state.State.Unsubscribed,
        });
        return CommandResult.Ok(state.State.History.Count);
    }

    public async Task UnsubscribeAsync(string source, string actor)
    {
        var current = state.State;
        if (current.Unsubscribed)
        {
            return;
        }

        var withdrawal = new ConsentRecord(ConsentPurpose.Marketing, false, clock.GetUtcNow(), source, actor);
        await SaveAsync(current with { Unsubscribed = true, History = [.. current.History, withdrawal] });
    }

    public Task<ConsentSnapshot> GetAsync() =>
        Task.FromResult(new ConsentSnapshot(PersonId, state.State.History, state.State.Unsubscribed, state.State.UnsubscribeToken!));

    private async Task SaveAsync(PersonConsentsState next)
    {
        state.State = next;
        await state.WriteStateAsync();
        await projection.WriteAsync(PersonId, state.State);
    }
}

[GenerateSerializer, Alias("cert.consents.PersonConsentsState")]
public sealed record PersonConsentsState
{
    [Id(0)] public IReadOnlyList<ConsentRecord> History { get; init; } = [];
    [Id(1)] public bool Unsubscribed { get; init; }
    [Id(2)] public string? UnsubscribeToken { get; init; }

    /// <summary>Names this person's consents in the shared contact history (its entries are numbered from 1).</summary>
    [Id(3)] public Guid HistoryId { get; init; }
}
