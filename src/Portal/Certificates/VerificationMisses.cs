using System.Threading.RateLimiting;

namespace Certification.Portal.Certificates;

/// <summary>
/// Numbers an address asked to verify that are not certificates (a wrong check character, a malformed number). One
/// check character in 32 would let an address that tries every character find a year's certificates in hours at the
/// general rate limit; with <c>RateLimits:VerificationMissesPerHour</c> misses (30 by default) it takes it weeks,
/// while someone mistyping a number a few times never notices (decision 0014).
/// </summary>
public sealed class VerificationMisses : IDisposable
{
    public const int DefaultPerHour = 30;

    private readonly PartitionedRateLimiter<string> _misses;

    public VerificationMisses(IConfiguration configuration)
    {
        var perHour = configuration.GetValue("RateLimits:VerificationMissesPerHour", DefaultPerHour);
        _misses = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) }));
    }

    /// <summary>True while the address has misses left this hour.</summary>
    public bool MayAsk(string address) => _misses.GetStatistics(address)?.CurrentAvailablePermits is not 0;

    /// <summary>Counts a miss of the address.</summary>
    public void Missed(string address)
    {
        using var lease = _misses.AttemptAcquire(address);
    }

    public void Dispose() => _misses.Dispose();
}
