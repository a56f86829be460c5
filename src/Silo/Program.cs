using Certification.Infrastructure;

var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddCertificationData(DatabaseSettings.ConnectionString(builder.Configuration));
builder.UseOrleans(silo => silo.UseCertificationPostgres(builder.Configuration));

var host = builder.Build();

// The providers read their queries from the database, so the schema must be current before the silo starts.
await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
await host.RunAsync();
