using System.Text.RegularExpressions;
using Certification.Common;
using Certification.Infrastructure;
using Certification.Qualifications;

namespace Certification.Items;

[GrainType("itembank")]
public sealed partial class ItemBankGrain(
    [PersistentState("itembank", OrleansHostingExtensions.GrainStore)] IPersistentState<ItemBankState> state,
    ItemProjection projection,
    TimeProvider clock) : Grain, IItemBankGrain
{
    public const string ItemIdFormat = "item.id_format";
    public const string UnknownQualification = "qualification.unknown";

    private string Code => this.GetPrimaryKeyString();

    public async Task<ImportResult> ImportAsync(IReadOnlyList<ImportedItem> items, string by)
    {
        var qualification = await QualificationAsync();
        if (qualification is null)
        {
            return new ImportResult(0, 0, [new ItemProblem(string.Empty, "Qualification", UnknownQualification)]);
        }

        var problems = new List<ItemProblem>();
        var accepted = new List<ImportedItem>();
        foreach (var duplicate in items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new ItemProblem(duplicate.Key, "Id", ErrorCodes.AlreadyExists));
        }

        foreach (var item in items)
        {
            if (!ItemId().IsMatch(item.Id))
            {
                problems.Add(new ItemProblem(item.Id, "Id", ItemIdFormat));
                continue;
            }

            var (normalized, errors) = ItemRules.Check(item.Content, qualification);
            problems.AddRange(errors.Select(e => new ItemProblem(item.Id, e.Field, e.Code)));
            accepted.Add(item with { Content = normalized });
        }

        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, problems);
        }

        var now = clock.GetUtcNow();
        var bank = state.State.Items.ToDictionary(i => i.Id);
        int created = 0, updated = 0;
        foreach (var item in accepted)
        {
            if (bank.TryGetValue(item.Id, out var existing))
            {
                // Importing the same content again is not a new version: imports can be repeated safely.
                if (Same(existing.Latest().Content, item.Content))
                {
                    continue;
                }

                bank[item.Id] = existing with { Versions = [.. existing.Versions, new ItemVersion(existing.Latest().Version + 1, item.Content, now, by)] };
                updated++;
            }
            else
            {
                bank[item.Id] = new BankItem(item.Id, [new ItemVersion(1, item.Content, now, by)], false);
                created++;
            }
        }

        if (created + updated > 0)
        {
            await SaveAsync(bank.Values);
        }

        return new ImportResult(created, updated, []);
    }

    public async Task<CommandResult> SaveAsync(string itemId, int expectedVersion, ItemContent content, string by)
    {
        if (!ItemId().IsMatch(itemId ?? string.Empty))
        {
            return CommandResult.Rejected("Id", ItemIdFormat);
        }

        var existing = state.State.Items.FirstOrDefault(i => i.Id == itemId);
        if ((existing?.Latest().Version ?? 0) != expectedVersion)
        {
            return CommandResult.Rejected("Version", expectedVersion == 0 ? ErrorCodes.AlreadyExists : ErrorCodes.VersionConflict);
        }

        var qualification = await QualificationAsync();
        if (qualification is null)
        {
            return CommandResult.Rejected("Qualification", UnknownQualification);
        }

        var (normalized, errors) = ItemRules.Check(content, qualification);
        if (errors.Count > 0)
        {
            return CommandResult.Rejected(errors);
        }

        var version = new ItemVersion(expectedVersion + 1, normalized, clock.GetUtcNow(), by);
        var item = existing is null
            ? new BankItem(itemId!, [version], false)
            : existing with { Versions = [.. existing.Versions, version] };
        await SaveAsync(state.State.Items.Where(i => i.Id != itemId).Append(item));
        return CommandResult.Ok(version.Version);
    }

    public async Task<CommandResult> SetRetiredAsync(string itemId, bool retired, string by)
    {
        var existing = state.State.Items.FirstOrDefault(i => i.Id == itemId);
        if (existing is null)
        {
            return CommandResult.Rejected("Id", ErrorCodes.NotFound);
        }

        if (existing.Retired != retired)
        {
            await SaveAsync(state.State.Items.Select(i => i.Id == itemId ? i with { Retired = retired } : i));
        }

        return CommandResult.Ok(existing.Latest().Version);
    }

    public Task<BankItem?> GetAsync(string itemId) => Task.FromResult(state.State.Items.FirstOrDefault(i => i.Id == itemId));

    public Task<IReadOnlyList<ActiveItem>> ActiveAsync() =>
        Task.FromResult<IReadOnlyList<ActiveItem>>([.. state.State.Items.Where(i => !i.Retired).Select(i => new ActiveItem(i.Id, i.Latest()))]);

    public Task<IReadOnlyList<BankItem>> AllAsync() => Task.FromResult(state.State.Items);

    public Task RefreshProjectionAsync() => projection.ReplaceAsync(Code, state.State.Items);

    private async Task SaveAsync(IEnumerable<BankItem> items)
    {
        state.State = new ItemBankState
        {
            Version = state.State.Version + 1,
            Items = [.. items.OrderBy(i => i.Id, StringComparer.Ordinal)],
        };
        await state.WriteStateAsync();
        await projection.ReplaceAsync(Code, state.State.Items);
    }

    private Task<Qualification?> QualificationAsync() => GrainFactory.GetGrain<IQualificationGrain>(Code).GetAsync();

    private static bool Same(ItemContent a, ItemContent b) =>
        a.Outcome == b.Outcome && a.Criterion == b.Criterion && a.Kind == b.Kind && a.Stem == b.Stem &&
        a.Explanation == b.Explanation && a.Options.SequenceEqual(b.Options);

    // Item ids travel in URLs and QTI identifiers: letters, digits, dashes and underscores.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex ItemId();
}

[GenerateSerializer, Alias("cert.items.ItemBankState")]
public sealed record ItemBankState
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public IReadOnlyList<BankItem> Items { get; init; } = [];
}
