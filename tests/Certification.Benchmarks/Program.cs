using System.Globalization;
using System.Text.Json;

namespace Certification.Benchmarks;

/// <summary>
/// The benchmarks ./bench.sh starts. theory: N candidates open their attempts within five seconds, then answer for S
/// seconds; every acknowledged answer is checked against attempt_event. certificates: N certificate PDFs rendered
/// (see <see cref="CertificateRun"/>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "certificates")
        {
            return CertificateRun.Run(CertificateRun.Count(args));
        }

        if (args.Length < 7 || args[0] != "theory")
        {
            await Console.Error.WriteLineAsync(
                "usage: Certification.Benchmarks theory PORTAL_URL CONNECTION_STRING CLUSTER_ID CANDIDATES SECONDS PORTAL_PID [--fast]\n" +
                "       Certification.Benchmarks certificates [--count N]");
            return 2;
        }

        var options = new BenchOptions(
            new Uri(args[1]),
            args[2],
            args[3],
            int.Parse(args[4], CultureInfo.InvariantCulture),
            int.Parse(args[5], CultureInfo.InvariantCulture),
            int.Parse(args[6], CultureInfo.InvariantCulture),
            args.Skip(7).Contains("--fast"));

        // The client shares the machine with the portal: enough threads that it is not the bottleneck.
        ThreadPool.SetMinThreads(512, 512);

        var setup = await Setup.RunAsync(options);
        var cookies = await SignIn.RunAsync(options.Portal, setup.Emails, setup.Password);
        var report = await TheoryRun.RunAsync(options, setup, cookies);
        var (lost, duplicates) = await Verification.RunAsync(options.ConnectionString, report);
        var pgCommits = await Baseline.RunAsync(options.ConnectionString);
        var peakMb = PeakMegabytes(options.PortalPid);

        var answersPerSecond = report.Acknowledged / report.AnswerSeconds;
        var ratio = pgCommits > 0 ? answersPerSecond / pgCommits : 0;
        Console.WriteLine($"candidates:           {options.Candidates} ({(options.Fast ? "no think time" : "think time 0-2 s")})");
        Console.WriteLine($"start (connect+Open): p50 {report.StartP50:F1} ms, p99 {report.StartP99:F1} ms, failed {report.StartFailures}");
        Console.WriteLine($"answers:              {report.Acknowledged} acknowledged in {report.AnswerSeconds:F1} s = {answersPerSecond:F1}/s; already saved {report.AlreadySaved}; rejected {report.Rejected}; errors {report.Errors}");
        Console.WriteLine($"answer latency:       p50 {report.P50:F1} ms, p95 {report.P95:F1} ms, p99 {report.P99:F1} ms");
        Console.WriteLine($"durability:           lost {lost}, duplicates {duplicates}");
        Console.WriteLine($"portal peak memory:   {peakMb:F0} MB (VmHWM)");
        Console.WriteLine($"PostgreSQL baseline:  {pgCommits:F0} single-row commits/s (16 connections); ratio {ratio:F3}");
        Console.WriteLine("note:                 client and portal (co-hosted silo) and PostgreSQL share the same machine and its cores");

        var result = new Dictionary<string, object>
        {
            ["candidates"] = options.Candidates,
            ["start_p50_ms"] = Math.Round(report.StartP50, 1),
            ["start_p99_ms"] = Math.Round(report.StartP99, 1),
            ["answers_per_s"] = Math.Round(answersPerSecond, 1),
            ["p50_ms"] = Math.Round(report.P50, 1),
            ["p95_ms"] = Math.Round(report.P95, 1),
            ["p99_ms"] = Math.Round(report.P99, 1),
            ["lost"] = lost,
            ["duplicates"] = duplicates,
            ["rejected"] = report.Rejected,
            ["portal_peak_mb"] = Math.Round(peakMb, 0),
            ["pg_commits_per_s"] = Math.Round(pgCommits, 0),
            ["ratio"] = Math.Round(ratio, 3),
            ["mode"] = options.Fast ? "fast" : "think",
            ["seconds"] = options.Seconds,
            ["note"] = $"client, portal and PostgreSQL on one machine ({Environment.ProcessorCount} cores shared)",
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return lost == 0 && duplicates == 0 ? 0 : 1;
    }

    /// <summary>The peak resident memory of a process (VmHWM), in MB.</summary>
    internal static double PeakMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? 0 : double.Parse(kb, CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

public sealed record BenchOptions(Uri Portal, string ConnectionString, string ClusterId, int Candidates, int Seconds, int PortalPid, bool Fast);

internal static class Stats
{
    public static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
