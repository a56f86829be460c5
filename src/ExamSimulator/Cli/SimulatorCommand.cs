using System.Globalization;
using System.Text.Json;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Sheet;

namespace Certification.ExamSimulator.Cli;

/// <summary>
/// <c>scenario --seed N</c> prints the brief and the task sheet; <c>replay --seed N --log FILE</c> rebuilds the
/// sandbox from an exported action log and prints the checkers' verdicts. Only the result goes to the output;
/// usage and errors go to the error writer.
/// </summary>
public static class SimulatorCommand
{
    private const string Usage =
        "Użycie:\n" +
        "  simulator.sh scenario --seed N              treść scenariusza i arkusz zadań dla ziarna N\n" +
        "  simulator.sh replay --seed N --log PLIK     odtworzenie piaskownicy z dziennika działań (JSON) i ocena kryteriów\n";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is not ("scenario" or "replay"))
        {
            error.Write(Usage);
            return 2;
        }

        var options = Options(args.Skip(1).ToArray());
        if (options is null || !options.TryGetValue("--seed", out var seedText) || !int.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            error.Write("Podaj ziarno scenariusza: --seed N (liczba całkowita nieujemna).\n" + Usage);
            return 2;
        }

        if (args[0] == "scenario")
        {
            var simulation = Simulation.Start(seed);
            output.Write(ScenarioText.Write(simulation.Scenario, simulation.Sheet));
            return 0;
        }

        if (!options.TryGetValue("--log", out var path))
        {
            error.Write("Podaj plik dziennika działań: --log PLIK.\n" + Usage);
            return 2;
        }

        ActionLogDocument log;
        try
        {
            log = SimulatorJson.Deserialize<ActionLogDocument>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            error.Write($"Nie można odczytać dziennika „{path}”: {e.Message}\n");
            return 1;
        }

        if (log.Seed != seed)
        {
            error.Write($"Dziennik „{path}” pochodzi ze scenariusza o ziarnie {log.Seed.ToString(CultureInfo.InvariantCulture)}, a podano --seed {seedText}.\n");
            return 1;
        }

        var replayed = Simulation.Replay(seed, log.Entries);
        output.Write(VerdictText.Write(replayed));
        return 0;
    }

    private static Dictionary<string, string>? Options(string[] args)
    {
        if (args.Length % 2 != 0)
        {
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }
}
