namespace Certification.Common;

/// <summary>
/// A rule a command broke, named by the field it concerns and a stable code
/// (e.g. <c>nip.checksum</c>) that the portal turns into a sentence in the user's language.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.FieldError")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Code);
