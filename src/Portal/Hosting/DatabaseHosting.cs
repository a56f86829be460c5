using Certification.Crm;
using Certification.Infrastructure;
using Npgsql;

namespace Certification.Portal.Hosting;

internal static class DatabaseHosting
{
    public static void AddCertificationDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = DatabaseSettings.ConnectionString(builder.Configuration);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<CrmProjection>();
        builder.Services.AddSingleton<CrmProjectionRebuilder>();
        builder.Services.AddSingleton<Certification.Portal.Crm.CrmQueries>();
        builder.Services.AddSingleton(TimeProvider.System);
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
