namespace Certification.Portal.DemoData;

internal static class DemoDataHosting
{
    /// <summary>With <c>Demo:Seed=true</c> (as ./run.sh sets it) an empty installation gets demo data once the cluster is up.</summary>
    public static void AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<TrainingDemo>();
        builder.Services.AddSingleton<CrmHistoryDemo>();
        builder.Services.AddSingleton<AssessmentDemo>();
        builder.Services.AddSingleton<CertificateDemo>();
        if (builder.Configuration.GetValue<bool>("Demo:Seed"))
        {
            builder.Services.AddHostedService<DemoSeedingService>();
        }
    }
}

/// <summary>Seeds after the host (and its co-hosted silo or cluster client) has started, since seeding goes through grains.</summary>
internal sealed class DemoSeedingService(DemoSeeder seeder, IHostApplicationLifetime lifetime, ILogger<DemoSeedingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            await seeder.SeedAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Seeding demo data failed; the portal keeps running without it");
        }
    }
}
