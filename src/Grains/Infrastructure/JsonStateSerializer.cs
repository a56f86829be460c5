using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Certification.Infrastructure;

/// <summary>
/// Grain state is stored as plain JSON (System.Text.Json): property names are the schema, and no .NET
/// type or assembly names are written, so state types can be renamed or moved without breaking what
/// is stored. (Orleans' default Newtonsoft serializer writes <c>$type</c> names into every payload.)
/// </summary>
public sealed class JsonStateSerializer : IGrainStorageSerializer
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) =>
        input.ToObjectFromJson<T>(Options) ?? throw new JsonException($"Stored state of {typeof(T).Name} is null");
}
