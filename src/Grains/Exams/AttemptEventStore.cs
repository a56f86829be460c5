using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Certification.Exams;

/// <summary>
/// Appends attempt events to PostgreSQL and reads them back. An append commits before it returns,
/// so an acknowledged answer is durable; the primary key (attempt, seq) turns a second writer of the
/// same attempt into a conflict instead of a silent overwrite.
/// </summary>
public sealed class AttemptEventStore(NpgsqlDataSource dataSource)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },

        // jsonb stores keys in its own order, so "kind" is not always first when read back.
        AllowOutOfOrderMetadataProperties = true,
    };

    /// <summary>Appends events numbered from <paramref name="nextSeq"/>; false when another writer got there first.</summary>
    public async Task<bool> AppendAsync(string attempt, int nextSeq, IReadOnlyList<AttemptEvent> events)
    {
        await using var batch = dataSource.CreateBatch();
        for (var i = 0; i < events.Count; i++)
        {
            var @event = events[i];
            var json = JsonSerializer.SerializeToElement(@event, Json);
            var command = new NpgsqlBatchCommand(
                "INSERT INTO attempt_event (attempt, seq, at, actor, kind, data, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = nextSeq + i });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = @event.At });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = @event.Actor });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json.GetProperty("kind").GetString() });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = @event.Reason, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }

        try
        {
            // A batch runs in one implicit transaction: all of it is stored, or none.
            await batch.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<AttemptEvent>> ReadAsync(string attempt)
    {
        await using var command = dataSource.CreateCommand("SELECT data FROM attempt_event WHERE attempt = $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = attempt });
        var events = new List<AttemptEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(JsonSerializer.Deserialize<AttemptEvent>(reader.GetString(0), Json)!);
        }

        return events;
    }
}
