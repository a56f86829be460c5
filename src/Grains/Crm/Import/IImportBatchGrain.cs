using System.Collections.Immutable;

namespace Certification.Crm.Import;

public enum ImportStatus
{
    /// <summary>Checked and waiting for the user's decision; committed only if no row has a problem.</summary>
    Prepared = 1,

    /// <summary>Being created; an interrupted commit is completed by committing again.</summary>
    Committing = 2,

    Committed = 3,
}

/// <summary>
/// One uploaded file of clients or people, from the checked preview to the commit: it holds the normalised rows
/// between the two, so what is committed is exactly what the user saw, and erases them after
/// <see cref="ImportBatchGrain.Retention"/>. Keyed by a new Guid per upload.
/// </summary>
[Alias("cert.crm.IImportBatchGrain")]
public interface IImportBatchGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Checks every row against the rules and the CRM and keeps the result; a batch is prepared once. Each row's values
    /// are the kind's columns followed by those of <paramref name="customColumns"/>.
    /// </summary>
    [Alias("Prepare")]
    Task<ImportBatchView> PrepareAsync(
        ImportKind kind, string fileName, ImmutableArray<ImportCustomColumn> customColumns, ImmutableArray<ImportSourceRow> rows, string importedBy);

    /// <summary>
    /// Creates every row's client or person, only when no row has a problem. Each row's entity id is derived
    /// from the batch and the row, so committing again after an interruption finishes the job without duplicates.
    /// </summary>
    [Alias("Commit")]
    Task<ImportBatchView> CommitAsync(string committedBy);

    [Alias("Get")]
    Task<ImportBatchView?> GetAsync();
}

[GenerateSerializer, Immutable, Alias("cert.crm.ImportBatchView")]
public sealed record ImportBatchView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ImportKind Kind,
    [property: Id(2)] string FileName,
    [property: Id(3)] ImportStatus Status,
    [property: Id(4)] ImmutableArray<ImportRowResult> Rows,
    [property: Id(5)] string ImportedBy,
    [property: Id(6)] DateTimeOffset PreparedAt,
    [property: Id(7)] string? CommittedBy,
    [property: Id(8)] DateTimeOffset? CommittedAt,
    [property: Id(9)] int Created,
    [property: Id(10)] ImmutableArray<ImportCustomColumn> CustomColumns,
    [property: Id(11)] DateTimeOffset? ErasedAt)
{
    public bool CanCommit => ErasedAt is null &&
        (Status == ImportStatus.Committing || (Status == ImportStatus.Prepared && Rows.All(r => r.Problems.IsEmpty)));
}
