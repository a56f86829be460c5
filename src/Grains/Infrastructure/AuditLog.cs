using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Certification.Infrastructure;

/// <summary>The fields every audited event has: who did it, when, and why where a reason is due.</summary>
public abstract record AuditedEvent
{
    /// <summary>The account that acted (its id), or <c>system</c>.</summary>
    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? Reason { get; init; }
}

/// <summary>
/// Streams of events in <c>audit_event</c>, for records whose history is the record itself (a validation's
/// grades and decision). Appending commits before it returns, together with whatever projection the
/// caller writes in the same transaction; (stream, seq) refuses a second writer of the same number.
/// Low volume by nature — a theory test's answers have their own store with group commit.
/// </summary>
/// <typeparam name="TEvent">The stream's event base type, polymorphic in JSON with a <c>kind</c> discriminator.</typeparam>
public sealed class AuditLog<TEvent>(NpgsqlDataSource dataSource)
    where TEvent : AuditedEvent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },

        // jsonb stores keys in its own order, so "kind" is not always first when read back.
        AllowOutOfOrderMetadataProperties = true,
    };

    private static readonly Dictionary<Type, string> Kinds = typeof(TEvent)
        .GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false)
        .Cast<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>
    /// Appends <paramref name="event"/> as number <paramref name="seq"/> and runs <paramref name="alsoWrite"/> in the
    /// same transaction; false (and nothing written) when that number is taken.
    /// </summary>
    public async Task<bool> AppendAsync(string stream, int seq, TEvent @event, Func<NpgsqlConnection, NpgsqlTransaction, Task>? alsoWrite = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO audit_event (stream, seq, at, actor, kind, data, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (stream, seq) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = seq });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = @event.At.UtcDateTime });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = @event.Actor });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Kinds[@event.GetType()] });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(@event, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)@event.Reason ?? DBNull.Value });
            if (await insert.ExecuteNonQueryAsync() == 0)
            {
                return false;
            }
        }

        if (alsoWrite is not null)
        {
            await alsoWrite(connection, transaction);
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>The stream's events in order.</summary>
    public async Task<IReadOnlyList<TEvent>> ReadAsync(string stream)
    {
        await using var command = dataSource.CreateCommand("SELECT data FROM audit_event WHERE stream = $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<TEvent>();
        while (await reader.ReadAsync())
        {
            events.Add(JsonSerializer.Deserialize<TEvent>(reader.GetString(0), Json)!);
        }

        return events;
    }

    /// <summary>Several streams' events at once, each in order (e.g. every candidate of a session, for figures over the sitting).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TEvent>>> ReadAsync(IReadOnlyCollection<string> streams)
    {
        await using var command = dataSource.CreateCommand("SELECT stream, data FROM audit_event WHERE stream = ANY ($1) ORDER BY stream, seq");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. streams] });
        await using var reader = await command.ExecuteReaderAsync();
        var events = streams.ToDictionary(s => s, _ => new List<TEvent>(), StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            events[reader.GetString(0)].Add(JsonSerializer.Deserialize<TEvent>(reader.GetString(1), Json)!);
        }

        return events.ToDictionary(e => e.Key, e => (IReadOnlyList<TEvent>)e.Value, StringComparer.Ordinal);
    }
}
