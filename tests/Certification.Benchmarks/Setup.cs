using Certification.Crm;
using Certification.Exams;
using Certification.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;

namespace Certification.Benchmarks;

public sealed record SetupResult(Guid SessionId, IReadOnlyList<Guid> People, IReadOnlyList<string> Emails, string Password);

/// <summary>Not measured: people, accounts and an open session with every candidate on the roster.</summary>
internal static class Setup
{
    public const string Password = "Bench-2026!";

    public static async Task<SetupResult> RunAsync(BenchOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Certification"] = options.ConnectionString,
            ["Orleans:ClusterId"] = options.ClusterId,
            ["Orleans:ServiceId"] = "certification",
        });
        builder.UseOrleansClient(client => client.UseCertificationPostgres(builder.Configuration));

        // Opening a session draws every candidate's test in one call: far longer than the default 30 s for thousands.
        builder.Services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(15));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();

        var started = DateTime.UtcNow;
        var people = Enumerable.Range(0, options.Candidates).Select(_ => Guid.NewGuid()).ToList();
        var created = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, people.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) =>
            {
                var result = await grains.GetGrain<IPersonGrain>(people[i]).CreateAsync(
                    new PersonDetails("Kandydat", "Testowy", null, null, null, null, null, null));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Person {i} not created: {string.Join(", ", result.Errors.Select(e => e.Code))}");
                }

                if (Interlocked.Increment(ref created) % 500 == 0)
                {
                    Console.WriteLine($"setup: {created}/{people.Count} persons");
                }
            });

        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var operatorId = Guid.NewGuid();
        var run = Guid.NewGuid().ToString("N")[..8];
        var emails = people.Select((_, i) => $"kandydat{i}.{run}@bench.local").ToList();
        await using (var dataSource = NpgsqlDataSource.Create(options.ConnectionString))
        {
            await InsertAccountsAsync(dataSource, [(operatorId, $"operator.{run}@bench.local", "ExamOperator", null)], hash);
            await InsertAccountsAsync(
                dataSource,
                [.. people.Select((person, i) => (Guid.NewGuid(), emails[i], "Candidate", (Guid?)person))],
                hash);
        }

        var sessionId = Guid.NewGuid();
        var session = grains.GetGrain<IExamSessionGrain>(sessionId);
        var scheduled = await session.ScheduleAsync(new SessionDetails("CRM-PRK4", "Benchmark", DateTimeOffset.UtcNow, null, operatorId, false));
        Ensure(scheduled, "schedule");
        Ensure(await session.SetRosterAsync(scheduled.Version, people), "set the roster");
        Console.WriteLine($"setup: {people.Count} persons and accounts, session {sessionId}; opening (draws {people.Count} tests)...");
        Ensure(await session.OpenAsync(operatorId.ToString()), "open");
        Console.WriteLine($"setup: done in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        await host.StopAsync();
        return new SetupResult(sessionId, people, emails, Password);
    }

    private static void Ensure(Common.CommandResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(", ", result.Errors.Select(e => $"{e.Field} {e.Code}"))}");
        }
    }

    private static async Task InsertAccountsAsync(NpgsqlDataSource dataSource, IReadOnlyList<(Guid Id, string Email, string Role, Guid? Person)> accounts, string hash)
    {
        // The same columns as the portal's UserStore.CreateAsync, one statement for all of them.
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO user_account (id, email, normalized_email, display_name, password_hash, roles, client_id, person_id, is_disabled, security_stamp, created_at, updated_at)
            SELECT a.id, a.email, upper(a.email), 'Benchmark ' || a.email, $4, ARRAY[a.role], NULL, a.person, false, gen_random_uuid(), now(), now()
            FROM unnest($1::uuid[], $2::text[], $3::text[], $5::uuid[]) AS a(id, email, role, person)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. accounts.Select(a => a.Id)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. accounts.Select(a => a.Email)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. accounts.Select(a => a.Role)] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => (object?)a.Person ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        await command.ExecuteNonQueryAsync();
    }
}
