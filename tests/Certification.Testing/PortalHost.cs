using Certification.Exams;
using Certification.Infrastructure;
using Certification.Portal.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Testing;

/// <summary>
/// The real portal (co-hosted silo included) on a database of its own, with silo ports of its own,
/// so several can run side by side. <see cref="UseKestrel"/> also serves it on a real port for browsers.
/// </summary>
public sealed class PortalHost : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-1";

    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider? _examClock;
    private bool _ownsDatabase;

    private PortalHost(TestDatabase database, IReadOnlyDictionary<string, string> settings, TimeProvider? examClock)
    {
        _database = database;
        _settings = settings;
        _examClock = examClock;
    }

    public TestDatabase Database => _database;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <param name="kestrel">Serve on a real port (for browsers) rather than in memory.</param>
    /// <param name="database">A database to share with other hosts (disposed by its owner); by default the portal gets its own.</param>
    /// <param name="settings">Configuration that replaces the test defaults, e.g. <c>Orleans:Mode</c>.</param>
    /// <param name="examClock">The clock of exams and validations (e.g. a <see cref="ShiftableClock"/> to reach a deadline).</param>
    public static async Task<PortalHost> StartAsync(
        bool kestrel = false, TestDatabase? database = null, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? examClock = null)
    {
        var host = new PortalHost(database ?? await TestDatabase.CreateAsync(migrate: false), settings ?? new Dictionary<string, string>(), examClock)
        {
            _ownsDatabase = database is null,
        };
        if (kestrel)
        {
            host.UseKestrel(0);
        }

        host.StartServer();
        return host;
    }

    /// <summary>Creates an account with <see cref="Password"/> and returns its e-mail.</summary>
    public async Task<string> CreateUserAsync(string role, Guid? clientId = null, Guid? personId = null) =>
        (await CreateAccountAsync(role, clientId, personId)).Email;

    /// <summary>Creates an account with <see cref="Password"/>; a candidate is usually given the CRM person they are.</summary>
    public async Task<(Guid Id, string Email)> CreateAccountAsync(string role, Guid? clientId = null, Guid? personId = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.pl";
        var (id, errors) = await Services.GetRequiredService<AccountAdministration>()
            .CreateAsync(new AccountDetails(email, $"Test {role}", [role], clientId, false, personId), Password);
        return id is null ? throw new InvalidOperationException(string.Join(", ", errors)) : (id.Value, email);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting($"ConnectionStrings:{DatabaseSettings.ConnectionStringName}", _database.ConnectionString);
        builder.UseSetting("Orleans:ClusterId", "portal-test-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_examClock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddKeyedSingleton(ExamClock.Key, clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
