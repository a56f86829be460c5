using System.Threading.RateLimiting;

namespace Certification.Portal.Hosting;

/// <summary>Limits on the pages anyone may call without signing in, per client address.</summary>
public static class RateLimits
{
    /// <summary>Sign-in with an access code.</summary>
    public const string AccessCode = "access-code";

    /// <summary>Public pages found by a secret code or a number (participation certificates, certificate verification).</summary>
    public const string PublicLookup = "public-lookup";

    /// <summary>Requests a minute per address on each policy (<c>RateLimits:PerMinute</c>, 200 by default).</summary>
    public const int DefaultPerMinute = 200;

    // 200 a minute serves a whole exam room or office behind one address and keeps guessing a code out of reach.
    public static void Add(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions options, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:PerMinute", DefaultPerMinute);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        foreach (var policy in new[] { AccessCode, PublicLookup })
        {
            options.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        }
    }
}
