using System.Collections.Immutable;
using System.Security.Cryptography;
using Certification.Common;
using Certification.CustomFields;
using Certification.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Certification.Crm.Import;

[GrainType("import-batch")]
public sealed class ImportBatchGrain(
    [PersistentState("import-batch", OrleansHostingExtensions.GrainStore)] IPersistentState<ImportBatchState> state,
    CrmImportDirectory directory,
    TimeProvider clock,
    ILogger<ImportBatchGrain> logger) : Grain, IImportBatchGrain, IRemindable
{
    /// <summary>
    /// How long a batch keeps the file's rows (names, e-mails, PESEL numbers): long enough to check an import and finish an
    /// interrupted one, no longer than that needs (RODO art. 5(1)(c) and (e)). What was created lives on in the CRM.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private const int CommitParallelism = 16;
    private const string EraseReminder = "erase-rows";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Every batch with rows has its erasure booked, including those prepared before retention existed.
        if (state.RecordExists && state.State.ErasedAt is null)
        {
            await BookErasureAsync();
        }
    }

    public async Task<ImportBatchView> PrepareAsync(
        ImportKind kind, string fileName, ImmutableArray<ImportCustomColumn> customColumns, ImmutableArray<ImportSourceRow> rows, string importedBy)
    {
        if (state.RecordExists)
        {
            return View();
        }

        state.State = new ImportBatchState
        {
            Kind = kind,
            FileName = fileName,
            Status = ImportStatus.Prepared,
            Source = rows,
            CustomColumns = customColumns,
            Rows = await CheckAsync(kind, customColumns, rows),
            ImportedBy = importedBy,
            PreparedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await directory.UpsertAsync(this.GetPrimaryKey(), state.State);
        await BookErasureAsync();
        return View();
    }

    public async Task<ImportBatchView> CommitAsync(string committedBy)
    {
        // A file with problems is fixed and uploaded again; a commit that was interrupted is always resumed.
        if (!state.RecordExists || state.State.Status == ImportStatus.Committed || state.State.ErasedAt is not null ||
            (state.State.Status == ImportStatus.Prepared && state.State.Rows.Any(r => !r.Problems.IsEmpty)))
        {
            return View();
        }

        // The CRM may have changed since the preview (someone added the same person by hand): check again, and
        // if a row now has a problem, show it and create nothing rather than import part of the file. A batch
        // already committing stays so, and is finished once the conflict is resolved in the CRM.
        var rechecked = await CheckAsync(state.State.Kind, state.State.CustomColumns, state.State.Source);
        if (rechecked.Any(r => !r.Problems.IsEmpty))
        {
            state.State = state.State with { Rows = rechecked };
            await state.WriteStateAsync();
            await directory.UpsertAsync(this.GetPrimaryKey(), state.State);
            return View();
        }

        state.State = state.State with { Rows = rechecked, Status = ImportStatus.Committing, CommittedBy = committedBy };
        await state.WriteStateAsync();
        await directory.UpsertAsync(this.GetPrimaryKey(), state.State);

        var rows = state.State.Rows.ToBuilder();
        var done = 0;

        // Rows are created a few at a time: one by one, a file of thousands would outlast the caller's timeout.
        foreach (var chunk in Enumerable.Range(0, rows.Count).Chunk(CommitParallelism))
        {
            var results = await Task.WhenAll(chunk.Select(i => CreateAsync(rows[i])));
            for (var k = 0; k < chunk.Length; k++)
            {
                if (results[k].Succeeded)
                {
                    done++;
                }
                else
                {
                    rows[chunk[k]] = rows[chunk[k]] with { Problems = [.. results[k].Errors.Select(e => new ImportProblem(e.Field, e.Code))] };
                }
            }
        }

        var complete = done == rows.Count;
        state.State = state.State with
        {
            Rows = rows.ToImmutable(),
            Status = complete ? ImportStatus.Committed : ImportStatus.Committing,
            Created = done,
            CommittedAt = complete ? clock.GetUtcNow() : null,
        };
        await state.WriteStateAsync();
        await directory.UpsertAsync(this.GetPrimaryKey(), state.State);
        logger.LogInformation(
            "Import {Batch} of {Kind} by {User}: {Done} of {Rows} rows created", this.GetPrimaryKey(), state.State.Kind, committedBy, done, rows.Count);
        return View();
    }

    public Task<ImportBatchView?> GetAsync() => Task.FromResult(state.RecordExists ? View() : null);

    /// <summary>
    /// The retention's end: the rows' values go, their line numbers and problems stay, so the report still says what
    /// the import did. An import interrupted and not finished by then is finished from the file, uploaded again.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.RecordExists && state.State.ErasedAt is null)
        {
            state.State = state.State with
            {
                Source = [],
                Rows = [.. state.State.Rows.Select(r => r with { Values = [], Client = null, Person = null, Custom = null })],
                ErasedAt = clock.GetUtcNow(),
            };
            await state.WriteStateAsync();
            await directory.UpsertAsync(this.GetPrimaryKey(), state.State);
            logger.LogInformation("Import {Batch}: the file's rows were erased at the end of their retention", this.GetPrimaryKey());
        }

        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The id of the client or person a batch's row creates: the same for every attempt to commit it.</summary>
    public static Guid EntityId(Guid batch, int line)
    {
        Span<byte> input = stackalloc byte[20];
        batch.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], line);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);

        // Marked as a name-based (version 5 style, RFC 9562 variant) UUID so it never looks like a random one.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    private async Task<ImmutableArray<ImportRowResult>> CheckAsync(
        ImportKind kind, ImmutableArray<ImportCustomColumn> customColumns, ImmutableArray<ImportSourceRow> rows)
    {
        var existing = await directory.ExistingAsync(kind, rows);
        var batch = this.GetPrimaryKey();
        var checkedRows = kind == ImportKind.Clients
            ? ImportValidation.Clients(rows, existing, line => EntityId(batch, line))
            : ImportValidation.People(rows, existing, line => EntityId(batch, line));
        var entity = ImportColumns.EntityOf(kind);
        var fields = (await GrainFactory.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).GetAsync())
            .Where(f => f.Entity == entity && f.Active).ToList();
        return ImportValidation.WithCustomValues(checkedRows, ImportColumns.For(kind).Count, customColumns, fields);
    }

    /// <summary>Creates a row's client or person, then stores its custom-field values; done when both are.</summary>
    private async Task<CommandResult> CreateAsync(ImportRowResult row)
    {
        var id = EntityId(this.GetPrimaryKey(), row.Line);
        var created = state.State.Kind == ImportKind.Clients
            ? await GrainFactory.GetGrain<IClientGrain>(id).CreateAsync(row.Client!)
            : await GrainFactory.GetGrain<IPersonGrain>(id).CreateAsync(row.Person!);

        // A row an interrupted commit already created answers "already exists": it is not a duplicate, but its
        // values may be what the interruption lost.
        var existed = created.Errors is [{ Code: ErrorCodes.AlreadyExists }];
        if (!created.Succeeded && !existed)
        {
            return created;
        }

        if (row.Custom is not { Count: > 0 } custom)
        {
            return CommandResult.Ok(created.Version);
        }

        // Values already there were stored by the interrupted commit, or entered by the office since: kept either way.
        var values = GrainFactory.GetGrain<ICustomValuesGrain>(id);
        if (existed && (await values.GetAsync()).Count > 0)
        {
            return CommandResult.Ok(created.Version);
        }

        return await values.SetAsync(ImportColumns.EntityOf(state.State.Kind), custom.ToDictionary(v => v.Key, v => (string?)v.Value), ClientScope.All);
    }

    private async Task BookErasureAsync()
    {
        var due = state.State.PreparedAt + Retention - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(EraseReminder, due > TimeSpan.FromMinutes(1) ? due : TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
    }

    private ImportBatchView View() => new(
        this.GetPrimaryKey(), state.State.Kind, state.State.FileName, state.State.Status, state.State.Rows, state.State.ImportedBy,
        state.State.PreparedAt, state.State.CommittedBy, state.State.CommittedAt, state.State.Created, state.State.CustomColumns,
        state.State.ErasedAt);
}

[GenerateSerializer, Alias("cert.crm.ImportBatchState")]
public sealed record ImportBatchState
{
    [Id(0)] public ImportKind Kind { get; init; }
    [Id(1)] public string FileName { get; init; } = string.Empty;
    [Id(2)] public ImportStatus Status { get; init; }

    /// <summary>The rows as read from the file, kept so a commit can check them again against the CRM of that moment.</summary>
    [Id(3)] public ImmutableArray<ImportSourceRow> Source { get; init; } = [];
    [Id(4)] public ImmutableArray<ImportRowResult> Rows { get; init; } = [];
    [Id(5)] public string ImportedBy { get; init; } = string.Empty;
    [Id(6)] public DateTimeOffset PreparedAt { get; init; }
    [Id(7)] public string? CommittedBy { get; init; }
    [Id(8)] public DateTimeOffset? CommittedAt { get; init; }
    [Id(9)] public int Created { get; init; }

    /// <summary>The custom fields whose columns follow the kind's own in <see cref="Source"/>, in that order.</summary>
    [Id(10)] public ImmutableArray<ImportCustomColumn> CustomColumns { get; init; } = [];

    /// <summary>When the rows' values were erased at the end of <see cref="ImportBatchGrain.Retention"/>.</summary>
    [Id(11)] public DateTimeOffset? ErasedAt { get; init; }
}
