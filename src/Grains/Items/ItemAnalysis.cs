namespace Certification.Items;

/// <summary>Why a psychometrician should look at an item again (thresholds in <see cref="ItemStatistics"/>).</summary>
public enum ItemConcern
{
    /// <summary>Item–rest correlation below 0.20: the item barely separates stronger from weaker candidates.</summary>
    LowDiscrimination = 1,

    /// <summary>Fewer than 20 % earn full credit.</summary>
    TooDifficult = 2,

    /// <summary>More than 90 % earn full credit.</summary>
    TooEasy = 3,

    /// <summary>A wrong option nobody chose: it distracts no one.</summary>
    UnusedDistractor = 4,

    /// <summary>The upper group chose a wrong option more often than a key: possibly a wrong key or an ambiguous stem.</summary>
    DistractorBeatsKey = 5,
}

/// <summary>How one option of an item was chosen; the shares are of the upper and lower 27 % of candidates who answered the item.</summary>
public sealed record OptionStats(string Id, bool Key, int Chosen, double? UpperShare, double? LowerShare);

/// <summary>
/// Classical statistics of one item version. <see cref="Facility"/> is the share earning full credit (p);
/// <see cref="MeanScore"/> differs from it only for multiple choice, which earns partial credit.
/// Correlations are null where undefined (everyone scored the same).
/// </summary>
public sealed record ItemStats(
    string ItemId,
    int Version,
    string Outcome,
    string Criterion,
    ItemKind Kind,
    int Responses,
    int Omitted,
    double Facility,
    double MeanScore,
    double? ItemRest,
    double? UpperLower,
    IReadOnlyList<OptionStats> Options,
    IReadOnlyList<ItemConcern> Concerns)
{
    /// <summary>Too few responses to judge the item: it raises no concerns, whatever its numbers.</summary>
    public bool TooFewResponses => Responses < ItemStatistics.MinimumResponses;
}

/// <summary>
/// The test as a whole: scores are points (one per question). <see cref="Reliability"/> is KR-20, which for
/// partial-credit items is Cronbach's alpha; <see cref="StandardError"/> is the standard error of measurement.
/// </summary>
public sealed record TestSummary(
    int Attempts,
    double QuestionsPerAttempt,
    double? Mean,
    double? StandardDeviation,
    double? Reliability,
    double? StandardError);

public sealed record ItemAnalysis(TestSummary Summary, IReadOnlyList<ItemStats> Items);
