using System.Security.Cryptography;
using Certification.Common;
using Certification.Crm;
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
        if (state.State.MergedInto is not null)
        {
            return CommandResult.Rejected("Id", PersonMergeRules.Merged);
        }

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
        // The link in a mail sent before the merge still names this record; the person asked all the same.
        if (state.State.MergedInto is { } survivor)
        {
            await GrainFactory.GetGrain<IPersonConsentsGrain>(survivor).UnsubscribeAsync(source, actor);
            return;
        }

        var current = state.State;
        if (current.IsUnsubscribed())
        {
            return;
        }

        var withdrawal = new ConsentRecord(ConsentPurpose.Marketing, false, clock.GetUtcNow(), source, actor);
        await SaveAsync(current with { Unsubscribed = true, History = [.. current.History, withdrawal] });
    }

    public Task<ConsentSnapshot> GetAsync() =>
        Task.FromResult(new ConsentSnapshot(PersonId, state.State.Timeline(), state.State.IsUnsubscribed(), state.State.UnsubscribeToken!));

    public async Task<IReadOnlyList<AbsorbedConsents>> MergeIntoAsync(Guid survivorId)
    {
        if (state.State.MergedInto is null)
        {
            await SaveAsync(state.State with { MergedInto = survivorId });
        }

        return [new AbsorbedConsents(PersonId, state.State.History, state.State.Unsubscribed), .. state.State.Absorbed];
    }

    public async Task AbsorbAsync(IReadOnlyList<AbsorbedConsents> histories)
    {
        var fresh = histories.Where(h => h.PersonId != PersonId && state.State.Absorbed.All(a => a.PersonId != h.PersonId)).ToList();
        if (fresh.Count > 0)
        {
            await SaveAsync(state.State with { Absorbed = [.. state.State.Absorbed, .. fresh] });
        }
    }

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

    /// <summary>Set when the person's record was merged into another: that one records their decisions now.</summary>
    [Id(4)] public Guid? MergedInto { get; init; }

    /// <summary>The histories of records merged into this person, kept as they were.</summary>
    [Id(5)] public IReadOnlyList<AbsorbedConsents> Absorbed { get; init; } = [];

    /// <summary>
    /// Every decision of the person, own and from merged records, in the order they were made: two records of one
    /// person hold decisions of one person, so the latest about a purpose is the one in force.
    /// </summary>
    public IReadOnlyList<ConsentRecord> Timeline() =>
        Absorbed.Count == 0
            ? History
            : [.. History.Concat(Absorbed.SelectMany(a => a.History.Select(r => r with { MergedFrom = r.MergedFrom ?? a.PersonId }))).OrderBy(r => r.At)];

    /// <summary>
    /// Whether marketing mail is stopped: an unsubscribe on any of the person's records holds until they give the
    /// marketing consent again later, on whichever record, as it does on one.
    /// </summary>
    public bool IsUnsubscribed()
    {
        if (Absorbed.Count == 0)
        {
            return Unsubscribed;
        }

        var given = Timeline().Where(r => r.Purpose == ConsentPurpose.Marketing && r.Given).Select(r => r.At).DefaultIfEmpty().Max();
        return new[] { (Unsubscribed, History) }.Concat(Absorbed.Select(a => (a.Unsubscribed, a.History)))
            .Any(r => r.Unsubscribed && r.History.LastOrDefault(h => h.Purpose == ConsentPurpose.Marketing)?.At >= given);
    }

    /// <summary>How many decisions the person's current consents reflect, merged histories included.</summary>
    public int Decisions() => History.Count + Absorbed.Sum(a => a.History.Count);
}
