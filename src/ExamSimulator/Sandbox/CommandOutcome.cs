using System.Collections.Immutable;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>A broken rule: the field it concerns, a stable code (<c>account.nip_checksum</c>) and the sentence a Polish user reads.</summary>
public sealed record CommandError(string Field, string Code, string Message);

/// <summary>
/// What a command did: accepted, with a Polish <see cref="Summary"/> of the change for the action stream (and the id
/// of a record it created), or refused with the reasons, leaving the state as it was.
/// </summary>
public sealed record CommandOutcome(bool Accepted, string Summary, string? CreatedId, ImmutableList<CommandError> Errors)
{
    public static CommandOutcome Done(string summary, string? createdId = null) => new(true, summary, createdId, []);

    public static CommandOutcome Refused(IEnumerable<CommandError> errors) => new(false, "", null, [.. errors]);

    /// <summary>The refusal in one sentence: the reasons joined.</summary>
    public string Reason() => string.Join(" ", Errors.Select(e => e.Message));
}
