using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Certification.Testing;

/// <summary>
/// A real SMTP server on loopback for tests of mail delivery: Debian's aiosmtpd with a handler
/// (<c>smtp_sink.py</c>) that keeps each message it accepts as a file, read back with MimeKit.
/// Recipients <c>…@refused.example</c> are refused with a permanent 550.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    // Debian's interpreter, which python3-aiosmtpd is installed for; a pyenv or venv python3 earlier on PATH does not see it.
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly string _directory;

    private SmtpTestServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the server on <paramref name="port"/> (by default a free one) and returns once it accepts connections.</summary>
    public static async Task<SmtpTestServer> StartAsync(int? port = null)
    {
        var listenOn = port ?? FreePort.Next();
        var directory = Path.Combine(Path.GetTempPath(), "cert-smtp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        await using (var script = typeof(SmtpTestServer).Assembly.GetManifestResourceStream("Certification.Testing.smtp_sink.py")!)
        await using (var file = File.Create(Path.Combine(directory, "smtp_sink.py")))
        {
            await script.CopyToAsync(file);
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{listenOn}", "-c", "smtp_sink.Sink", Path.Combine(directory, "received") },
            WorkingDirectory = directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = directory;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        var server = new SmtpTestServer(process, directory, listenOn);
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await AcceptsAsync(listenOn))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException(
                    $"The test SMTP server did not start on port {listenOn} (is python3-aiosmtpd installed? ./test.sh installs it): {await stderr}");
            }

            await Task.Delay(50);
        }

        return server;
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var received = Path.Combine(_directory, "received");
        return Directory.Exists(received)
            ? [.. Directory.GetFiles(received, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
            : [];
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, then returns all of them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var received = Received();
            if (received.Count >= count || DateTime.UtcNow > deadline)
            {
                return received;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
