using System.Diagnostics;
using Npgsql;

namespace Certification.Benchmarks;

/// <summary>What the same PostgreSQL commits on its own: durable single-row upserts from 16 connections.</summary>
internal static class Baseline
{
    private const int Connections = 16;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static async Task<double> RunAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS bench_upsert (id int PRIMARY KEY, v bigint NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"baseline: {Connections} connections, single-row upserts for {Duration.TotalSeconds:F0} s...");
        long commits = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async n =>
        {
            var random = new Random(n);
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("INSERT INTO bench_upsert (id, v) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET v = excluded.v", connection);
            var id = new NpgsqlParameter<int>();
            var value = new NpgsqlParameter<long>();
            command.Parameters.Add(id);
            command.Parameters.Add(value);
            await command.PrepareAsync();
            while (clock.Elapsed < Duration)
            {
                id.TypedValue = random.Next(1000);
                value.TypedValue = Stopwatch.GetTimestamp();
                await command.ExecuteNonQueryAsync();
                Interlocked.Increment(ref commits);
            }
        }));
        return commits / clock.Elapsed.TotalSeconds;
    }
}
