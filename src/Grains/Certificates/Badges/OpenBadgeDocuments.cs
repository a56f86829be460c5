using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Certification.Common;

namespace Certification.Certificates.Badges;

/// <summary>
/// The JSON documents of Open Badges 3.0 (1EdTech, on the W3C Verifiable Credentials Data Model 2.0): the
/// <c>OpenBadgeCredential</c> of one certificate, the <c>Achievement</c> it is for (the qualification) and the
/// issuer's <c>Profile</c>. The portal publishes the last two at the addresses the credential names, so every id
/// in a credential resolves. Texts are in Polish, as the certificate is.
/// </summary>
public static class OpenBadgeDocuments
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string CredentialSchema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary>The Integrated Qualifications Register (ZRK), where the qualification's official entry is.</summary>
    public const string QualificationsRegister = "https://kwalifikacje.gov.pl/";

    /// <summary>
    /// The credential of one certificate version. Its id is the certificate's verification page, which shows the
    /// current status (valid, expired, revoked, renewed) to anyone who follows it; validFrom and validUntil are the
    /// first and last day of validity in Polish time, the last day counted whole.
    /// </summary>
    public static JsonObject Credential(BadgeCertificate certificate, Institution institution)
    {
        var qualification = certificate.Qualification;
        return new JsonObject
        {
            ["@context"] = Contexts(),
            ["id"] = certificate.VerificationUrl.AbsoluteUri,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"Certyfikat: {qualification.Name}",
            ["description"] =
                $"Certyfikat nr {certificate.Number} potwierdzający kwalifikację „{qualification.Name}” " +
                $"({KindName(qualification.Kind)}, poziom {qualification.PrkLevel} Polskiej Ramy Kwalifikacji), " +
                $"ważny od {PolishDay(certificate.IssuedOn)} do {PolishDay(certificate.ValidUntil)}. " +
                $"Aktualny status certyfikatu: {certificate.VerificationUrl.AbsoluteUri}",
            ["issuer"] = Profile(institution),
            ["validFrom"] = Timestamp(ValidFrom(certificate)),
            ["validUntil"] = Timestamp(ValidUntil(certificate)),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = SubjectId(certificate),
                ["type"] = new JsonArray("AchievementSubject"),
                // The holder's name in plain text, so a verifier can match it to an identity document; no other
                // personal data travels with the badge (the verification page shows no more either).
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityHash"] = certificate.HolderName,
                    ["identityType"] = "name",
                    ["hashed"] = false,
                }),
                ["licenseNumber"] = certificate.Number,
                ["achievement"] = Achievement(qualification, institution),
            },
            ["credentialSchema"] = new JsonArray(new JsonObject
            {
                ["id"] = CredentialSchema,
                ["type"] = "1EdTechJsonSchemaValidator2019",
            }),
        };
    }

    /// <summary>The qualification as an achievement; published on its own (with a context) at its id.</summary>
    public static JsonObject Achievement(BadgeQualification qualification, Institution institution, bool withContext = false)
    {
        var kind = KindName(qualification.Kind);
        var achievement = new JsonObject();
        if (withContext)
        {
            achievement["@context"] = Contexts();
        }

        achievement["id"] = AchievementId(qualification.Code, institution);
        achievement["type"] = new JsonArray("Achievement");
        achievement["achievementType"] = "Certification";
        achievement["name"] = qualification.Name;
        achievement["description"] =
            $"Kwalifikacja {kind} „{qualification.Name}” (kod {qualification.Code}) na poziomie {qualification.PrkLevel} " +
            $"Polskiej Ramy Kwalifikacji, potwierdzana certyfikatem ważnym {Years(qualification.ValidityYears)}. Zestawy efektów uczenia się: " +
            string.Join("; ", qualification.OutcomeSets.Select(set => $"{set.Id}. {set.Name}")) + ".";
        achievement["criteria"] = new JsonObject { ["narrative"] = Criteria(qualification, institution) };
        achievement["humanCode"] = qualification.Code;
        achievement["creator"] = Profile(institution);
        achievement["alignment"] = new JsonArray(new JsonObject
        {
            ["type"] = new JsonArray("Alignment"),
            ["targetName"] = qualification.Name,
            ["targetCode"] = qualification.Code,
            ["targetDescription"] = $"Kwalifikacja {kind}, poziom {qualification.PrkLevel} PRK",
            ["targetFramework"] = "Zintegrowany System Kwalifikacji",
            ["targetType"] = "ceterms:Credential",
            ["targetUrl"] = QualificationsRegister,
        });
        return achievement;
    }

    /// <summary>The issuer's profile: embedded in credentials, and published with a context at its id.</summary>
    public static JsonObject Profile(Institution institution, bool withContext = false)
    {
        var profile = new JsonObject();
        if (withContext)
        {
            profile["@context"] = Contexts();
        }

        profile["id"] = IssuerId(institution);
        profile["type"] = new JsonArray("Profile");
        profile["name"] = institution.Name;
        profile["url"] = institution.PublicUrl.AbsoluteUri;
        return profile;
    }

    /// <summary>The issuer's id, the JWT's <c>iss</c>: the address of its published profile.</summary>
    public static string IssuerId(Institution institution) => institution.Link(OpenBadgePaths.Issuer).AbsoluteUri;

    public static string AchievementId(string qualificationCode, Institution institution) =>
        institution.Link(OpenBadgePaths.Achievement(qualificationCode)).AbsoluteUri;

    /// <summary>The subject is the holder's CRM person: the same for every certificate they hold, and opaque outside.</summary>
    public static string SubjectId(BadgeCertificate certificate) => "urn:uuid:" + certificate.HolderId.ToString("D");

    public static DateTimeOffset ValidFrom(BadgeCertificate certificate) => PolishDate.Start(certificate.IssuedOn);

    /// <summary>The last second of the last day of validity in Poland: a verifier says "expired" from the next day on.</summary>
    public static DateTimeOffset ValidUntil(BadgeCertificate certificate) => PolishDate.Start(certificate.ValidUntil.AddDays(1)).AddSeconds(-1);

    private static JsonArray Contexts() => new(VcContext, ObContext);

    private static string Timestamp(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string PolishDay(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Years(int years) =>
        years == 1 ? "1 rok"
        : years % 10 is >= 2 and <= 4 && years % 100 is not (>= 12 and <= 14) ? $"{years} lata"
        : $"{years} lat";

    private static string KindName(string kind) => kind switch
    {
        "partial" => "cząstkowa",
        "full" => "pełna",
        _ => kind,
    };

    // Markdown, as OB 3.0 allows for narratives: how the certificate is earned, then every learning outcome.
    private static string Criteria(BadgeQualification qualification, Institution institution)
    {
        var text = new StringBuilder()
            .Append("Certyfikat otrzymuje osoba, która przeszła walidację w instytucji certyfikującej ").Append(institution.Name)
            .Append(": test teoretyczny oraz część praktyczną (obserwacja w warunkach symulowanych w systemie CRM i rozmowa ")
            .Append("z komisją walidacyjną złożoną z co najmniej dwóch asesorów), zakończoną pozytywną decyzją komisji. ")
            .Append("Ważność certyfikatu przedłuża się na podstawie udokumentowanej co najmniej rocznej pracy z systemem CRM ")
            .Append("w okresie ważności.");
        foreach (var set in qualification.OutcomeSets)
        {
            text.Append("\n\n## Zestaw ").Append(set.Id).Append(". ").Append(set.Name).Append(" (PRK ").Append(set.PrkLevel).Append(')');
            foreach (var outcome in set.Outcomes)
            {
                text.Append("\n- ").Append(outcome.Id).Append(' ').Append(outcome.Name);
            }
        }

        return text.ToString();
    }
}

/// <summary>Where the portal publishes what a credential points to, relative to the institution's public address.</summary>
public static class OpenBadgePaths
{
    public const string Issuer = "issuer";
    public const string Jwks = ".well-known/jwks.json";
    public const string KeyPrefix = "issuer/keys/";
    public const string AchievementPrefix = "issuer/achievements/";

    /// <summary>The address a key id (a JWK thumbprint) dereferences to: the key as a JWK.</summary>
    public static string Key(string thumbprint) => KeyPrefix + thumbprint;

    public static string Achievement(string qualificationCode) => AchievementPrefix + Uri.EscapeDataString(qualificationCode);
}
