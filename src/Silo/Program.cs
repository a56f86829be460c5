using Certification.Crm;
using Certification.Infrastructure;
using Npgsql;

var builder = Host.CreateApplicationBuilder(args);

var connectionString = DatabaseSettings.ConnectionString(builder.Configuration);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
builder.Services.AddSingleton<DatabaseMigrator>();
builder.Services.AddSingleton<CrmProjection>();
builder.Services.AddSingleton(TimeProvider.System);
builder.UseOrleans(silo => silo.UseCertificationPostgres(builder.Configuration));

var host = builder.Build();

// The providers read their queries from the database, so the schema must be current before the silo starts.
await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
await host.RunAsync();
