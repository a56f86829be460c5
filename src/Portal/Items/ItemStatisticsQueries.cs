using System.Text.Json;
using Certification.Exams;
using Certification.Items;
using Npgsql;

namespace Certification.Portal.Items;

/// <summary>
/// The submitted attempts of a qualification, replayed from <c>attempt_event</c> exactly as the attempt grain
/// replays them, so item analysis scores every answer the way the candidate's result was scored.
/// </summary>
public sealed class ItemStatisticsQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ScoredAttempt>> SubmittedAttemptsAsync(string qualification)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT e.attempt, e.data
            FROM attempt_event e
            WHERE e.attempt IN (
                SELECT d.attempt FROM attempt_event d
                WHERE d.kind = 'drawn' AND d.data ->> 'qualification' = $1
                  AND EXISTS (SELECT 1 FROM attempt_event s WHERE s.attempt = d.attempt AND s.kind = 'submitted'))
            ORDER BY e.attempt, e.seq
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = qualification });

        var attempts = new List<ScoredAttempt>();
        string? current = null;
        var state = new AttemptState();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var attempt = reader.GetString(0);
            if (attempt != current)
            {
                Add(attempts, state);
                current = attempt;
                state = new AttemptState();
            }

            state.Apply(JsonSerializer.Deserialize<AttemptEvent>(reader.GetString(1), AttemptEventStore.Json)!);
        }

        Add(attempts, state);
        return attempts;
    }

    private static void Add(List<ScoredAttempt> attempts, AttemptState state)
    {
        if (state.CountsForItemAnalysis)
        {
            attempts.Add(new ScoredAttempt(state.Responses()));
        }
    }
}
