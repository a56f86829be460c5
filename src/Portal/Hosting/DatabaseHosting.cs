using Certification.Crm;
using Certification.Infrastructure;

namespace Certification.Portal.Hosting;

internal static class DatabaseHosting
{
    public static void AddCertificationDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddCertificationData(DatabaseSettings.ConnectionString(builder.Configuration));
        builder.Services.AddSingleton<CrmProjectionRebuilder>();
        builder.Services.AddSingleton<Certification.Portal.Crm.CrmQueries>();
        builder.Services.AddSingleton<Certification.Portal.Crm.ContactHistoryQueries>();
        builder.Services.AddSingleton<Certification.Portal.Training.TrainingQueries>();
        builder.Services.AddSingleton<Certification.Portal.Crm.CustomFieldQueries>();
        builder.Services.AddSingleton<Certification.Portal.Crm.DuplicateFinder>();
        builder.Services.AddSingleton<Certification.Portal.Crm.Caretakers>();
        builder.Services.AddSingleton<Certification.Portal.Training.ParticipationCertificates>();
        builder.Services.AddSingleton<Certification.Portal.Training.Segments>();
        builder.Services.AddSingleton<Certification.Portal.Training.SelfRegistration>();
        builder.Services.AddSingleton<Certification.Portal.Assessment.AssessmentQueries>();
        builder.Services.AddSingleton<Certification.Portal.Assessment.Validations>();
        builder.Services.AddSingleton<Certification.Portal.Certificates.CertificateQueries>();
        builder.Services.AddSingleton<Certification.Portal.Certificates.RenewalQueries>();
        builder.Services.AddSingleton<Certification.Portal.Certificates.CertificateFiles>();
        builder.Services.AddSingleton<Certification.Portal.Certificates.VerificationMisses>();
    }

    /// <summary>Brings the schema up to date before Orleans starts: its providers read their queries from it.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
        catch (MigrationFailedException error)
        {
            app.Logger.LogCritical(error, "Start-up stopped: {Reason}", error.Message);
            throw;
        }
    }
}
