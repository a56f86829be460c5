namespace Certification.Items;

/// <summary>
/// One candidate's answer to one drawn question, scored against the key of the item version they saw.
/// <see cref="Options"/> are the version's option ids in a fixed order, whatever order the candidate saw them in.
/// </summary>
public sealed record ItemResponse(
    string ItemId,
    int Version,
    string Outcome,
    string Criterion,
    ItemKind Kind,
    IReadOnlyList<string> Options,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Selected,
    decimal Score)
{
    public bool Omitted => Selected.Count == 0;
}

/// <summary>The scored responses of one submitted attempt: every question drawn for it, answered or not.</summary>
public sealed record ScoredAttempt(IReadOnlyList<ItemResponse> Responses);
