using Certification.Qualifications;

namespace Certification.Certificates.Badges;

/// <summary>
/// What an Open Badges credential says about one certificate: the certificate grain maps its state to this, and
/// the credential is built from nothing else (so it is the same for the same certificate version).
/// </summary>
/// <param name="Number">The certificate's number with its check character, e.g. <c>CRM/2026/000123-K</c>.</param>
/// <param name="HolderId">The holder's CRM person id: the credential subject is <c>urn:uuid:</c> of it.</param>
/// <param name="HolderName">The holder's full name as printed on the certificate.</param>
/// <param name="IssuedOn">The first day of validity (Polish date).</param>
/// <param name="ValidUntil">The last day of validity (Polish date), after a renewal the renewed one.</param>
/// <param name="VerificationUrl">The public verification page of the certificate: the credential's id.</param>
public sealed record BadgeCertificate(
    string Number,
    Guid HolderId,
    string HolderName,
    BadgeQualification Qualification,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    Uri VerificationUrl)
{
    /// <summary>
    /// The credential of a certificate as its record states it (the name and outcomes fixed at issue, the current
    /// validity); the qualification's definition adds only what the record does not carry: its kind and validity period.
    /// </summary>
    public static BadgeCertificate From(CertificateRecord certificate, Qualification definition, Uri verificationUrl) => new(
        certificate.Number,
        certificate.HolderId,
        certificate.HolderName,
        new BadgeQualification(
            certificate.QualificationCode,
            certificate.QualificationName.Pl,
            definition.Kind,
            certificate.PrkLevel,
            definition.ValidityYears,
            [.. certificate.OutcomeSets.Select(set => new BadgeOutcomeSet(
                set.Id, set.Name.Pl, set.PrkLevel, [.. set.Outcomes.Select(outcome => new BadgeOutcome(outcome.Id, outcome.Name.Pl))]))]),
        certificate.IssuedOn,
        certificate.ValidUntil,
        verificationUrl);
}

/// <summary>The qualification a certificate confirms, as the credential's achievement describes it (in Polish).</summary>
/// <param name="Kind">The register's kind of qualification, e.g. <c>partial</c> (cząstkowa).</param>
public sealed record BadgeQualification(
    string Code, string Name, string Kind, int PrkLevel, int ValidityYears, IReadOnlyList<BadgeOutcomeSet> OutcomeSets)
{
    public static BadgeQualification From(Qualification qualification) => new(
        qualification.Code,
        qualification.Name.Pl,
        qualification.Kind,
        qualification.PrkLevel,
        qualification.ValidityYears,
        [.. qualification.Sets.Select(set => new BadgeOutcomeSet(
            set.Id, set.Name.Pl, set.PrkLevel, [.. set.Outcomes.Select(outcome => new BadgeOutcome(outcome.Id, outcome.Name.Pl))]))]);
}

/// <summary>A set of learning outcomes the certificate covers (all sets of the qualification for a full certificate).</summary>
public sealed record BadgeOutcomeSet(string Id, string Name, int PrkLevel, IReadOnlyList<BadgeOutcome> Outcomes);

public sealed record BadgeOutcome(string Id, string Name);
