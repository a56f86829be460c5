using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Tests;

/// <summary>Polish texts are the keys; every one the portal uses must have an English translation.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class TranslationTests(PortalFixture fixture)
{
    private static readonly string PortalSource = Path.Combine(RepositoryRoot(), "src", "Portal");

    [Fact]
    public void Every_polish_text_of_the_portal_has_an_english_translation()
    {
        var used = Directory.EnumerateFiles(PortalSource, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var translated = XDocument.Load(Path.Combine(PortalSource, "Resources", "Localization", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        Assert.True(used.Count > 50, "the scan found the portal's texts");
        Assert.Empty(used.Except(translated).Order());
    }

    [Fact]
    public void Every_refusal_of_the_simulator_the_labels_it_names_and_every_action_have_english_words()
    {
        var resources = Path.Combine(PortalSource, "Resources", "Localization");
        var refusals = Names(Path.Combine(resources, "SimulatorRefusals.en.resx"));
        var translated = Names(Path.Combine(resources, "SharedResource.en.resx"));

        Assert.Empty(RefusalCodes.Keys.Except(refusals).Order());
        Assert.Empty(refusals.Except(RefusalCodes.Keys).Order());
        Assert.Empty(FieldLabels.All.Except(translated).Order());

        var text = fixture.Host.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var commands = typeof(SandboxCommand).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false)
            .Cast<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!).ToList();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            var names = new[] { LocalizationHosting.Polish, LocalizationHosting.English }.Select(culture =>
            {
                CultureInfo.CurrentUICulture = culture;
                return commands.Select(c => text.CommandName(c)).ToList();
            }).ToList();

            foreach (var inLanguage in names)
            {
                Assert.DoesNotContain(inLanguage, commands.Contains);
                Assert.Equal(commands.Count, inLanguage.Distinct().Count());
            }

            // English names are translations, not the Polish falling through.
            Assert.Empty(names[0].Intersect(names[1]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_english_resources_are_deployed_with_the_portal()
    {
        var text = fixture.Host.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = LocalizationHosting.English;
            Assert.Equal("Clients", text["Klienci"].Value);
            CultureInfo.CurrentUICulture = LocalizationHosting.Polish;
            Assert.Equal("Klienci", text["Klienci"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Names(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Certification.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Certification.sln not found above the test binaries");
    }

    // Plain texts and texts with arguments (T["Pytanie {0} z {1}", …]) alike.
    [GeneratedRegex("""(?<![A-Za-z])(?:T|text)\["([^"]+)"[\],]""")]
    private static partial Regex LocalizedText();
}
