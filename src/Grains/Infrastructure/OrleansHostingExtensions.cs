using System.Net;
using Certification.Crm;
using Certification.Documents;
using Certification.Exams;
using Certification.Items;
using Certification.Mail;
using Certification.Qualifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;

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
        return silo.AddCertificationGrains(settings.ConnectionString);
    }

    /// <summary>
    /// What every silo hosting our grains needs besides membership (which test clusters bring themselves):
    /// grain state on PostgreSQL, the services grains use, and the catalogue of qualifications.
    /// </summary>
    public static ISiloBuilder AddCertificationGrains(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddCertificationData(connectionString);
        silo.Services.AddSimulatorSerialization();
        return silo
            .AddAdoNetGrainStorage(GrainStore, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
                options.GrainStorageSerializer = new JsonStateSerializer();
            })
            .AddStartupTask<QualificationCatalogStartup>();
    }

    /// <summary>The database services of grains and hosts; safe to call more than once.</summary>
    public static IServiceCollection AddCertificationData(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<CrmProjection>();
        services.TryAddSingleton<PersonMergeDirectory>();
        services.TryAddSingleton<ContactNotes>();
        services.TryAddSingleton<Crm.Import.CrmImportDirectory>();
        services.TryAddSingleton<ItemProjection>();
        services.TryAddSingleton<ExamProjection>();
        services.TryAddSingleton<AttemptEventStore>();
        services.TryAddSingleton<AuditLog<Assessment.AssessmentEvent>>();
        services.TryAddSingleton<Assessment.PanelConflicts>();
        services.TryAddSingleton<AuditLog<Simulation.SimulationEvent>>();
        services.TryAddSingleton<AuditLog<Certificates.CertificateEvent>>();
        services.TryAddSingleton<AuditLog<Certificates.Renewal.RenewalEvent>>();
        services.TryAddSingleton<Certificates.CertificateNumbers>();
        services.TryAddSingleton<Certificates.CertificateVerification>();
        services.TryAddSingleton<Training.TrainingProjection>();
        services.TryAddSingleton<Consents.ConsentProjection>();
        services.TryAddSingleton<CustomFields.CustomFieldProjection>();
        services.TryAddSingleton(sp => Common.Institution.From(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<Certificates.Badges.IssuerKeyStore>();
        services.TryAddSingleton<Certificates.Badges.OpenBadgeSigner>();
        services.TryAddSingleton<IMailOutbox, MailOutbox>();
        services.TryAddSingleton<MailOutboxStore>();
        services.TryAddSingleton<IDocumentRenderer, PdfDocumentRenderer>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(ExamClock.Key, TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The simulator's records (commands, sandbox state, verdicts) cross grain calls as JSON in their own persisted
    /// form: they belong to a plain library that knows nothing of Orleans. Every silo and client needs this.
    /// </summary>
    public static IServiceCollection AddSimulatorSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Certification.ExamSimulator", StringComparison.Ordinal) == true,
            ExamSimulator.Actions.SimulatorJson.Options));

    public static IClientBuilder UseCertificationPostgres(this IClientBuilder client, IConfiguration configuration)
    {
        var settings = OrleansSettings.Read(configuration);
        client.Services.AddSimulatorSerialization();
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
