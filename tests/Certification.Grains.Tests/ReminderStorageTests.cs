using Microsoft.Extensions.DependencyInjection;

namespace Certification.Grains.Tests;

/// <summary>
/// Reminders are what later deadlines (exam time-outs, certificate expiry) rely on across silo
/// restarts; this drives the real ADO.NET reminder table of a silo against our SQL.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReminderStorageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Reminders_are_written_read_by_range_and_removed_in_postgresql()
    {
        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("reminder-probe", Guid.NewGuid().ToString("N"));
        var start = DateTime.UtcNow.AddMinutes(5);

        var etag = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "wygasa", StartAt = start, Period = TimeSpan.FromDays(1) });

        var row = await table.ReadRow(grain, "wygasa") ?? throw new InvalidOperationException("reminder not stored");
        Assert.Equal(etag, row.ETag);
        Assert.Equal(TimeSpan.FromDays(1), row.Period);
        Assert.Equal(start, row.StartAt, TimeSpan.FromMilliseconds(1));
        Assert.Contains((await table.ReadRows(grain)).Reminders, r => r.ReminderName == "wygasa");
        var hash = grain.GetUniformHashCode();
        Assert.Contains((await table.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == grain);

        Assert.False(await table.RemoveRow(grain, "wygasa", "999999"));
        Assert.True(await table.RemoveRow(grain, "wygasa", etag!));
        Assert.Empty((await table.ReadRows(grain)).Reminders);
    }
}
