using System.Diagnostics;
using System.Text;
using Certification.Testing;

namespace Certification.Silo.Tests;

/// <summary>A Certification.Silo started as its own operating-system process, as deploy/cluster.sh starts it.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    public int SiloPort { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SiloProcess Start(TestDatabase database, string clusterId)
    {
        var siloPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [SiloAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(SiloAssembly())!,
        };
        start.Environment["ConnectionStrings__Certification"] = database.ConnectionString;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var process = Process.Start(start)!;
        var silo = new SiloProcess(process, siloPort);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until the silo is Active in the membership table (status 3), as every other member sees it.</summary>
    public async Task WaitUntilActiveAsync(TestDatabase database, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (await database.ScalarAsync<long>($"SELECT count(*) FROM orleansmembershiptable WHERE port = {SiloPort} AND status = 3") == 0)
        {
            if (_process.HasExited || deadline.IsCancellationRequested)
            {
                throw new InvalidOperationException($"Silo on port {SiloPort} did not become active:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Ends the process at once, as a crash or a lost machine would: no graceful leave from the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // The silo's own build output, in the same configuration as these tests.
    private static string SiloAssembly()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (!File.Exists(Path.Combine(root.FullName, "Certification.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Certification.sln not found");
        }

        return Path.Combine(root.FullName, "src", "Silo", "bin", configuration, testDirectory.Name, "Certification.Silo.dll");
    }
}
