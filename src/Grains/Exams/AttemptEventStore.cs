using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Certification.Exams;

/// <summary>
/// Appends attempt events to PostgreSQL and reads them back. An append completes only after its row
/// is committed, so an acknowledged answer is durable; the primary key (attempt, seq) turns a second
/// writer of the same attempt into a refusal instead of a silent overwrite.
/// </summary>
/// <remarks>
/// Appends from all attempts of the silo share commits (group commit): a few writers each take
/// whatever is waiting and store it with one INSERT. Under light load an answer is written alone at
/// once; under a synchronised exam hundreds share one round trip and one WAL flush, which is what
/// keeps the save latency flat when thousands of candidates answer together.
/// </remarks>
public sealed class AttemptEventStore : IAsyncDisposable
{
    private const int Writers = 4;
    private const int MaxBatch = 500;

    private const string InsertSql = """
        INSERT INTO attempt_event (attempt, seq, at, actor, kind, data, reason)
        SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::jsonb[], $7::text[])
        ON CONFLICT (attempt, seq) DO NOTHING
        RETURNING attempt, seq
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<PendingAppend> _pending = Channel.CreateUnbounded<PendingAppend>();
    private readonly Task[] _writers;

    public AttemptEventStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync))];
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },

        // jsonb stores keys in its own order, so "kind" is not always first when read back.
        AllowOutOfOrderMetadataProperties = true,
    };

    // The stored "kind" column is the JSON discriminator of the event's type, read once from the attributes.
    private static readonly Dictionary<Type, string> Kinds = typeof(AttemptEvent)
        .GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), inherit: false)
        .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>Appends an event as number <paramref name="seq"/> of the attempt; false when another writer got there first.</summary>
    public Task<bool> AppendAsync(string attempt, int seq, AttemptEvent @event)
    {
        var pending = new PendingAppend(attempt, seq, @event, Kinds[@event.GetType()], JsonSerializer.Serialize(@event, Json));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AttemptEventStore), "The silo is stopping; the event was not stored.");
        }

        return pending.Stored.Task;
    }

    public async Task<IReadOnlyList<AttemptEvent>> ReadAsync(string attempt)
    {
        await using var command = _dataSource.CreateCommand("SELECT data FROM attempt_event WHERE attempt = $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt });
        var events = new List<AttemptEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(JsonSerializer.Deserialize<AttemptEvent>(reader.GetString(0), Json)!);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever was handed over before the stop is still written.
        _pending.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        var keys = new HashSet<(string, int)>();
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            keys.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
            {
                // Two activations of one attempt racing for the same number: one row can win, and
                // whichever it is, the second of the pair is refused, as the database would refuse it.
                if (keys.Add((pending.Attempt, pending.Seq)))
                {
                    batch.Add(pending);
                }
                else
                {
                    pending.Stored.TrySetResult(false);
                }
            }

            if (batch.Count > 0)
            {
                await InsertAsync(batch);
            }
        }
    }

    private async Task InsertAsync(List<PendingAppend> batch)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Attempt)] });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. batch.Select(p => p.Seq)] });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. batch.Select(p => p.Event.At)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Event.Actor)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Kind)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>
            {
                TypedValue = [.. batch.Select(p => p.Data)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            });
            command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. batch.Select(p => p.Event.Reason)] });

            var stored = new HashSet<(string, int)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored.Add((reader.GetString(0), reader.GetInt32(1)));
                }
            }

            foreach (var pending in batch)
            {
                pending.Stored.TrySetResult(stored.Contains((pending.Attempt, pending.Seq)));
            }
        }
        catch (Exception error)
        {
            // Nothing of the batch is acknowledged: the statement is one transaction.
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(error);
            }
        }
    }

    private sealed record PendingAppend(string Attempt, int Seq, AttemptEvent Event, string Kind, string Data)
    {
        public TaskCompletionSource<bool> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
