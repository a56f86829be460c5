using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Certification.Portal.Hosting;

internal static class HealthChecksHosting
{
    public static void AddCertificationHealthChecks(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql")
            .AddCheck<OrleansHealthCheck>("orleans");

    /// <summary><c>/health</c>: open to load balancers and operators; says only what is up, never any data.</summary>
    public static void MapCertificationHealthChecks(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, ms = (int)entry.Value.Duration.TotalMilliseconds }),
        });
    }
}

internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT max(version) FROM schema_migration");
            var version = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"schema version {version}");
        }
        catch (NpgsqlException error)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable", error);
        }
    }
}

/// <summary>Asks the cluster which silos are active: proves the client (or co-hosted silo) reaches a working cluster.</summary>
internal sealed class OrleansHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception error) when (error is OrleansException or TimeoutException or SiloUnavailableException)
        {
            return HealthCheckResult.Unhealthy("Orleans cluster is not reachable", error);
        }
    }
}
