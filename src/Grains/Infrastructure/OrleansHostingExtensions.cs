using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Certification.Infrastructure;

/// <summary>
/// One place that says how every Certification silo and client talks to PostgreSQL:
/// membership (clustering), grain state and reminders all go through the ADO.NET providers.
/// </summary>
public static class OrleansHostingExtensions
{
    public const string GrainStore = "Certification";
    private const string Invariant = "Npgsql";

    public static ISiloBuilder UseCertificationPostgres(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = OrleansSettings.Read(configuration);
        silo.Configure<ClusterOptions>(settings.Apply)
            .ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort)
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = settings.ConnectionString;
            })
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = settings.ConnectionString;
            });
        return silo.AddCertificationGrainStorage(settings.ConnectionString);
    }

    /// <summary>Grain state only: test clusters bring their own membership.</summary>
    public static ISiloBuilder AddCertificationGrainStorage(this ISiloBuilder silo, string connectionString) =>
        silo.AddAdoNetGrainStorage(GrainStore, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

    public static IClientBuilder UseCertificationPostgres(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansSettings.Read(configuration);
        return client.Configure<ClusterOptions>(settings.Apply)
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = settings.ConnectionString;
            });
    }
}

/// <summary>The Orleans settings every host needs, read once and checked so a missing one fails at start-up.</summary>
public sealed record OrleansSettings(
    string ConnectionString, string ClusterId, string ServiceId, IPAddress AdvertisedAddress, int SiloPort, int GatewayPort)
{
    public static OrleansSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans");
        return new OrleansSettings(
            DatabaseSettings.ConnectionString(configuration),
            Required(section, "ClusterId"),
            Required(section, "ServiceId"),
            IPAddress.Parse(section["AdvertisedIP"] ?? "127.0.0.1"),
            section.GetValue("SiloPort", 11111),
            section.GetValue("GatewayPort", 30000));
    }

    public void Apply(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration value '{section.Path}:{key}' is missing. Set it in appsettings.json or as the environment variable {section.Path}__{key}.");
}

public static class DatabaseSettings
{
    public const string ConnectionStringName = "Certification";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing. Set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}); ./run.sh does this for you.");
}
