using Certification.Common;
using Certification.Crm;

namespace Certification.Testing;

/// <summary>People whose first job began in the past, for tests of job changes (which must start after it).</summary>
public static class PastEmployment
{
    public static DateOnly Today => PolishDate.Of(DateTimeOffset.UtcNow);

    /// <summary>
    /// Creates the person (their first job starts today, as for anyone entered now), then moves that start
    /// <paramref name="daysAgo"/> days back in the stored state and activates the grain again from it:
    /// no command dates a job back.
    /// </summary>
    public static async Task<Guid> CreateAsync(IGrainFactory grains, TestDatabase database, PersonDetails details, int daysAgo)
    {
        var id = Guid.NewGuid();
        var created = await grains.GetGrain<IPersonGrain>(id).CreateAsync(details);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", created.Errors));
        }

        var key = id.ToByteArray();
        await database.ExecuteAsync(
            $"""
            UPDATE orleansstorage
            SET payloadbinary = convert_to(replace(convert_from(payloadbinary, 'UTF8'), '"From":"{Today:yyyy-MM-dd}"', '"From":"{Today.AddDays(-daysAgo):yyyy-MM-dd}"'), 'UTF8')
            WHERE graintypestring = 'person' AND grainidn0 = {BitConverter.ToInt64(key, 0)} AND grainidn1 = {BitConverter.ToInt64(key, 8)}
            """);
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await grains.GetGrain<IPersonGrain>(id).RefreshProjectionAsync();
        return id;
    }
}
