using System.Collections.Immutable;

namespace Certification.Common;

/// <summary>
/// What a grain answers to a command: the state version it reached when it succeeded,
/// or the broken rules when it changed nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.CommandResult")]
public sealed record CommandResult([property: Id(0)] int Version, [property: Id(1)] ImmutableArray<FieldError> Errors)
{
    public bool Succeeded => Errors.IsDefaultOrEmpty;

    public static CommandResult Ok(int version) => new(version, []);

    public static CommandResult Rejected(IEnumerable<FieldError> errors) => new(0, [.. errors]);

    public static CommandResult Rejected(string field, string code) => new(0, [new FieldError(field, code)]);
}
