namespace Certification.Items;

/// <summary>The kinds of theory-test question. Values are stored: never renumber.</summary>
public enum ItemKind
{
    SingleChoice = 1,
    MultipleChoice = 2,
    TrueFalse = 3,
}

[GenerateSerializer, Immutable, Alias("cert.items.ItemOption")]
public sealed record ItemOption([property: Id(0)] string Id, [property: Id(1)] string Text, [property: Id(2)] bool Correct);

/// <summary>What one version of a question says: the stem, the options with the key, what it verifies.</summary>
[GenerateSerializer, Immutable, Alias("cert.items.ItemContent")]
public sealed record ItemContent(
    [property: Id(0)] string Outcome,
    [property: Id(1)] string Criterion,
    [property: Id(2)] ItemKind Kind,
    [property: Id(3)] string Stem,
    [property: Id(4)] IReadOnlyList<ItemOption> Options,
    [property: Id(5)] string? Explanation);

/// <summary>An immutable version of a question: attempts pin the version they showed.</summary>
[GenerateSerializer, Immutable, Alias("cert.items.ItemVersion")]
public sealed record ItemVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] ItemContent Content,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string CreatedBy);

/// <summary>A question of the bank with its whole history.</summary>
[GenerateSerializer, Immutable, Alias("cert.items.BankItem")]
public sealed record BankItem(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<ItemVersion> Versions,
    [property: Id(2)] bool Retired)
{
    // A method, not a property: stored state is serialised property by property.
    public ItemVersion Latest() => Versions[^1];
}

/// <summary>The shape of a <c>CODE.items.json</c> file: one version per item, as first loaded.</summary>
public sealed record ItemBankFile(string Qualification, IReadOnlyList<ItemFileEntry> Items);

public sealed record ItemFileEntry(
    string Id, string Outcome, string Criterion, ItemKind Kind, string Stem, IReadOnlyList<ItemOption> Options, string? Explanation)
{
    public ItemContent ToContent() => new(Outcome, Criterion, Kind, Stem, Options, Explanation);
}
