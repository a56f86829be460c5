using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Certification.Certificates;
using Certification.Common;
using Certification.Documents;
using Certification.Qualifications;

namespace Certification.Benchmarks;

/// <summary>
/// The certificates benchmark: renders N certificate PDFs, each of its own holder and number, through the same
/// document seam the portal downloads use, on every core. Rendering is pure CPU work on the certificate's record, so
/// no portal or database takes part. Started by <c>./bench.sh certificates [--count N]</c>.
/// </summary>
internal static class CertificateRun
{
    private static readonly string[] FirstNames = ["Łucja", "Zażółć", "Grzegorz", "Małgorzata", "Jędrzej", "Świętosław", "Żaneta", "Bożena"];
    private static readonly string[] LastNames = ["Żółkiewska", "Gęślą-Jaźń", "Brzęczyszczykiewicz", "Źdźbłowska", "Kowalczyk", "Wójcik", "Ślęzak", "Nałęcz"];

    public static int Run(int count)
    {
        var renderer = new PdfDocumentRenderer();
        var institution = new Institution(Institution.DefaultName, new Uri("https://certyfikaty.example.pl/"));
        var qualification = QualificationDefinitions.Embedded().First(q => q.Code == "CRM-PRK4");
        var secret = new byte[32];
        var records = Enumerable.Range(1, count).Select(i => Record(i, qualification, secret)).ToList();

        // The fonts and the first documents are loaded and compiled once, as in a portal that has printed a certificate.
        renderer.Render(CertificateDocument.Compose(records[0], CertificateDocument.VerificationUrl(institution, records[0].Number)));

        long bytes = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(records, record =>
        {
            var pdf = renderer.Render(CertificateDocument.Compose(record, CertificateDocument.VerificationUrl(institution, record.Number)));
            Interlocked.Add(ref bytes, pdf.Length);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var peakMb = Program.PeakMegabytes(Environment.ProcessId);

        Console.WriteLine($"certificates:         {count} rendered in {seconds:F2} s = {count / seconds:F0}/s on {Environment.ProcessorCount} cores");
        Console.WriteLine($"cpu:                  {cpuSeconds:F2} s of processor time ({cpuSeconds * 1000 / count:F1} ms a certificate); the machine's load average was {LoadAverage()}");
        Console.WriteLine($"size:                 {bytes / (double)count / 1024:F1} KB a certificate on average");
        Console.WriteLine($"peak memory:          {peakMb:F0} MB (VmHWM of this process)");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["count"] = count,
            ["seconds"] = Math.Round(seconds, 3),
            ["certificates_per_s"] = Math.Round(count / seconds, 1),
            ["peak_mb"] = Math.Round(peakMb, 0),
            ["cpu_seconds"] = Math.Round(cpuSeconds, 2),
            ["avg_kb"] = Math.Round(bytes / (double)count / 1024, 1),
            ["cores"] = Environment.ProcessorCount,
        }));
        return 0;
    }

    private static CertificateRecord Record(int i, Qualification qualification, byte[] secret)
    {
        var issued = new DateOnly(2026, 1, 2).AddDays(i % 300);
        var number = CertificateNumber.Create("CRM", issued.Year, i, secret).ToString();
        var validUntil = CertificateValidity.Until(issued, qualification.ValidityYears);
        return new CertificateRecord(
            number, Guid.NewGuid(), $"{FirstNames[i % FirstNames.Length]} {LastNames[(i / FirstNames.Length) % LastNames.Length]}",
            new DateOnly(1960, 1, 1).AddDays(i * 7 % 15000), qualification.Code, qualification.Name, qualification.PrkLevel,
            [.. qualification.Sets.Select(s => new CertifiedOutcomeSet(s.Id, s.Name, s.PrkLevel, [.. s.Outcomes.Select(o => new CertifiedOutcome(o.Id, o.Name))]))],
            issued, validUntil, Institution.DefaultName, issued.AddDays(-1), Guid.NewGuid(), 1,
            [new CertificateVersion(1, issued, validUntil, "bench", null)], null, 1);
    }

    // The machine may be shared: the load average tells whether the wall-clock figure is the renderer's alone.
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static int Count(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--count");
        return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1000;
    }
}
