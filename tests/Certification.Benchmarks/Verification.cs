using Npgsql;

namespace Certification.Benchmarks;

/// <summary>Every acknowledged change must be in attempt_event, exactly once.</summary>
internal static class Verification
{
    public static async Task<(long Lost, long Duplicates)> RunAsync(string connectionString, RunReport report)
    {
        var attempts = report.Candidates.Select(c => c.Attempt).ToArray();
        var stored = new HashSet<(string Attempt, int Seq)>();
        long duplicates = 0;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var command = dataSource.CreateCommand(
            """
            SELECT attempt, (data->>'clientSeq')::int, count(*)
            FROM attempt_event
            WHERE kind = 'answered' AND attempt = ANY ($1)
            GROUP BY attempt, (data->>'clientSeq')::int
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = attempts });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetInt32(1)));
                if (reader.GetInt64(2) > 1)
                {
                    duplicates++;
                }
            }
        }

        long lost = 0;
        foreach (var candidate in report.Candidates)
        {
            lost += candidate.Acknowledged.Count(a => !stored.Contains((candidate.Attempt, a.Seq)));
        }

        Console.WriteLine($"verify: {report.Candidates.Sum(c => c.Acknowledged.Count)} acknowledged, {stored.Count} stored answer rows; lost {lost}, duplicates {duplicates}");
        return (lost, duplicates);
    }
}
