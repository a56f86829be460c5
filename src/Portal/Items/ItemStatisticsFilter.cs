using Certification.Items;

namespace Certification.Portal.Items;

/// <summary>The columns the item statistics table sorts by. Names appear in links: do not rename.</summary>
public enum ItemSort
{
    Id,
    Responses,
    Omitted,
    Facility,
    MeanScore,
    ItemRest,
    UpperLower,
}

/// <summary>
/// Which rows of the item statistics the page and the CSV show, and in what order. <see cref="Concern"/> is
/// <see cref="AnyConcern"/>, <see cref="NoConcern"/>, <see cref="TooFewResponses"/> or the name of an <see cref="ItemConcern"/>.
/// </summary>
public sealed record ItemStatisticsFilter(string? Concern, string? Criterion, ItemSort Sort, bool Descending)
{
    public const string AnyConcern = "any";
    public const string NoConcern = "none";
    public const string TooFewResponses = "few";

    public IReadOnlyList<ItemStats> Apply(IEnumerable<ItemStats> items)
    {
        var shown = items.Where(Matches).Where(i => string.IsNullOrEmpty(Criterion) || i.Criterion == Criterion);

        // Undefined statistics go last whichever way the column is sorted: they are not small, they are missing.
        var sorted = Descending
            ? shown.OrderBy(i => Key(i) is null).ThenByDescending(Key)
            : shown.OrderBy(i => Key(i) is null).ThenBy(Key);
        return [.. sorted.ThenBy(i => i.ItemId, StringComparer.Ordinal).ThenBy(i => i.Version)];
    }

    private bool Matches(ItemStats item) => Concern switch
    {
        null or "" => true,
        AnyConcern => item.Concerns.Count > 0,
        NoConcern => !item.TooFewResponses && item.Concerns.Count == 0,
        TooFewResponses => item.TooFewResponses,
        _ => Enum.TryParse<ItemConcern>(Concern, out var concern) && item.Concerns.Contains(concern),
    };

    private IComparable? Key(ItemStats item) => Sort switch
    {
        ItemSort.Responses => item.Responses,
        ItemSort.Omitted => item.Omitted,
        ItemSort.Facility => item.Facility,
        ItemSort.MeanScore => item.MeanScore,
        ItemSort.ItemRest => item.ItemRest,
        ItemSort.UpperLower => item.UpperLower,
        _ => item.ItemId,
    };
}
