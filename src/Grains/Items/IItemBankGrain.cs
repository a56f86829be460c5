using Certification.Common;
using Orleans.Concurrency;

namespace Certification.Items;

/// <summary>
/// The theory-test questions of one qualification (keyed by its code): the single writer of every
/// item and its versions. Editing an item adds a version; attempts keep the version they drew.
/// </summary>
[Alias("cert.items.IItemBankGrain")]
public interface IItemBankGrain : IGrainWithStringKey
{
    /// <summary>Adds many items at once, all or nothing; the result lists what is wrong with each bad one.</summary>
    [Alias("Import")]
    Task<ImportResult> ImportAsync(IReadOnlyList<ImportedItem> items, string by);

    /// <summary>Creates an item (<paramref name="expectedVersion"/> 0) or adds a version to it.</summary>
    [Alias("Save")]
    Task<CommandResult> SaveAsync(string itemId, int expectedVersion, ItemContent content, string by);

    [Alias("SetRetired")]
    Task<CommandResult> SetRetiredAsync(string itemId, bool retired, string by);

    [Alias("Get")]
    Task<BankItem?> GetAsync(string itemId);

    /// <summary>The current version of every item that is not retired: what a test is drawn from.</summary>
    [Alias("Active"), ReadOnly]
    Task<IReadOnlyList<ActiveItem>> ActiveAsync();

    [Alias("All"), ReadOnly]
    Task<IReadOnlyList<BankItem>> AllAsync();

    [Alias("RefreshProjection")]
    Task RefreshProjectionAsync();
}

[GenerateSerializer, Immutable, Alias("cert.items.ImportedItem")]
public sealed record ImportedItem([property: Id(0)] string Id, [property: Id(1)] ItemContent Content);

[GenerateSerializer, Immutable, Alias("cert.items.ActiveItem")]
public sealed record ActiveItem([property: Id(0)] string ItemId, [property: Id(1)] ItemVersion Version);

/// <summary>What an import did: how many items it added or changed, or, when it did nothing, why per item.</summary>
[GenerateSerializer, Immutable, Alias("cert.items.ImportResult")]
public sealed record ImportResult(
    [property: Id(0)] int Created,
    [property: Id(1)] int Updated,
    [property: Id(2)] IReadOnlyList<ItemProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

[GenerateSerializer, Immutable, Alias("cert.items.ItemProblem")]
public sealed record ItemProblem([property: Id(0)] string ItemId, [property: Id(1)] string Field, [property: Id(2)] string Code);
