using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Certification.ExamSimulator.Actions;

/// <summary>
/// The JSON form of commands, logs, states and scenarios: camelCase names, enums by name, Polish letters as they
/// are, commands told apart by their <c>$type</c> discriminator. Property names are the persisted schema.
/// </summary>
public static class SimulatorJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented, for files people read (an exported action log).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize<T>(T value, bool indented = false) => JsonSerializer.Serialize(value, indented ? Indented : Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON holds no {typeof(T).Name}.");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
