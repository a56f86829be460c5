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

    /// <summary>
    /// The exam clock of every test silo: real time plus an offset a test can move forward, so deadlines
    /// can be reached without waiting.
    /// </summary>
    public static ShiftableClock Clock { get; } = new();

    public static async Task<TestCluster> StartAsync(TestDatabase database, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
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
            silo.Services.Replace(ServiceDescriptor.KeyedSingleton<TimeProvider>(ExamClock.Key, Clock));
        }
    }

    private sealed class PostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = DatabaseSettings.ConnectionString(configuration);
            });
    }
}

public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
