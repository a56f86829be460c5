using System.Collections.Concurrent;
using Certification.Exams;
using Certification.Infrastructure;
using Certification.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Certification.Grains.Tests;

/// <summary>
/// Test clusters that run exactly what production runs on PostgreSQL: ADO.NET membership,
/// grain storage and reminders, the CRM projections, in a database of the test's own.
/// </summary>
public static class TestSilos
{
    public const string ServiceId = "certification-tests";

    // Each cluster gets its own exam clock, so a test moving one forward never moves another's.
    private static readonly ConcurrentDictionary<string, ShiftableClock> Clocks = new();

    /// <param name="clock">
    /// The exam clock of the cluster's silos: real time plus an offset a test can move forward, so deadlines
    /// can be reached without waiting. By default a clock of its own that nobody moves.
    /// </param>
    public static async Task<TestCluster> StartAsync(TestDatabase database, short silos = 1, ShiftableClock? clock = null)
    {
        var builder = new TestClusterBuilder(silos);
        var clockId = Guid.NewGuid().ToString("N");
        Clocks[clockId] = clock ?? new ShiftableClock();
        builder.Properties["Test:Clock"] = clockId;
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<PostgresSilo>();
        builder.AddClientBuilderConfigurator<PostgresClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class PostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = DatabaseSettings.ConnectionString(silo.Configuration);
            silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                })
                .UseAdoNetReminderService(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                })
                .AddCertificationGrains(connectionString);
            silo.Services.Replace(ServiceDescriptor.KeyedSingleton<TimeProvider>(ExamClock.Key, Clocks[silo.Configuration["Test:Clock"]!]));
        }
    }

    private sealed class PostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.Services.AddSimulatorSerialization();
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = DatabaseSettings.ConnectionString(configuration);
            });
        }
    }
}
