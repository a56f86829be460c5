using System.Diagnostics;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Cli;
using Certification.ExamSimulator.Sheet;

namespace Certification.ExamSimulator.Tests;

public sealed class CliTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SimulatorCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ScenarioPrintsTheBriefAndTheSheetWithCriterionIds()
    {
        var (code, output, error) = Run("scenario", "--seed", "42");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var simulation = Simulation.Start(42);
        Assert.Equal(ScenarioText.Write(simulation.Scenario, simulation.Sheet), output);
        Assert.StartsWith("SYMULACJA CRM — ziarno 42\n", output, StringComparison.Ordinal);
        Assert.Contains(simulation.Scenario.Brief.Situation, output, StringComparison.Ordinal);
        Assert.Contains("1. Nowi klienci [kryteria: 1.2.2, 1.2.3]", output, StringComparison.Ordinal);
        Assert.Contains("[kryteria: 2.3.1, 2.3.2, 2.3.4, 2.3.5, 2.3.6]", output, StringComparison.Ordinal);
        Assert.Equal(output, Run("scenario", "--seed", "42").Output);
        Assert.NotEqual(output, Run("scenario", "--seed", "43").Output);
    }

    [Fact]
    public void TheCommandPrintsTheSameTextInAnyTimeZoneAndLanguage()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Certification.ExamSimulator.Cli.dll");
        var expected = Run("scenario", "--seed", "314").Output;

        foreach (var (zone, language) in new[] { ("Pacific/Auckland", "tr_TR.UTF-8"), ("America/Los_Angeles", "en_US.UTF-8"), ("UTC", "C") })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var arg in new[] { cli, "scenario", "--seed", "314" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["TZ"] = zone;
            start.Environment["LANG"] = language;
            start.Environment["LC_ALL"] = language;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(0, process.ExitCode);
            Assert.Equal(expected, output);
        }
    }

    [Fact]
    public void ReplayPrintsTheVerdictsOfAnExportedLog()
    {
        var candidate = new Candidate(5).DoEverythingRight();
        var path = Path.Combine(Path.GetTempPath(), $"simulator-log-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, SimulatorJson.Serialize(candidate.Simulation.Export(), indented: true));
        try
        {
            var (code, output, error) = Run("replay", "--seed", "5", "--log", path);

            Assert.Equal(0, code);
            Assert.Empty(error);
            Assert.StartsWith("ODTWORZENIE SYMULACJI — ziarno 5\n", output, StringComparison.Ordinal);
            Assert.Contains("2.5.6 Oznacza szanse jako wygrane lub stracone: SPEŁNIONE", output, StringComparison.Ordinal);
            Assert.Contains("Podsumowanie: spełnione 26, częściowo 0, niespełnione 0 z 26 kryteriów.", output, StringComparison.Ordinal);

            var (wrongSeed, _, seedError) = Run("replay", "--seed", "6", "--log", path);
            Assert.Equal(1, wrongSeed);
            Assert.Contains("ziarnie 5", seedError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("scenario")]
    [InlineData("scenario", "--seed", "minus")]
    [InlineData("replay", "--seed", "1")]
    [InlineData("draw", "--seed", "1")]
    public void BadArgumentsPrintUsageToStandardErrorOnly(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("simulator.sh scenario --seed N", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableLogIsReportedWithItsPath()
    {
        var (code, output, error) = Run("replay", "--seed", "1", "--log", "/nonexistent/log.json");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("/nonexistent/log.json", error, StringComparison.Ordinal);
    }
}
