using System.Security.Claims;
using Certification.Certificates;
using Certification.Certificates.Badges;
using Certification.Common;
using Certification.Documents;
using Certification.Portal.Accounts;

namespace Certification.Portal.Certificates;

/// <summary>
/// Finds a certificate by its number as a page's address carries it, says who may read it, and prints it. Holders read
/// their own (a sign-in by access code only the certificate of its sitting); the office reads every one.
/// </summary>
public sealed class CertificateFiles(
    IGrainFactory grains, CertificateNumbers numbers, IDocumentRenderer renderer, OpenBadgeSigner badges, Institution institution)
{
    /// <summary>The certificate with this number (slashes or dashes, any case); null for a number the institution never gave.</summary>
    public async Task<CertificateRecord?> FindAsync(string? typed) =>
        CertificateNumber.TryParse(typed, out var number) && number.HasValidCheck(await numbers.SecretAsync())
            ? await grains.GetGrain<ICertificateGrain>(number.ToString()).GetAsync()
            : null;

    public static bool IsOffice(ClaimsPrincipal user) => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.TrainingAdmin);

    public static bool MayRead(ClaimsPrincipal user, CertificateRecord certificate) =>
        IsOffice(user) || (user.IsInRole(Roles.Candidate) && user.PersonFor(certificate.SessionId) == certificate.HolderId);

    /// <summary>The PDF; the same certificate always gives the same bytes.</summary>
    public byte[] Pdf(CertificateRecord certificate) =>
        renderer.Render(CertificateDocument.Compose(certificate, VerificationUrl(certificate.Number)));

    /// <summary>
    /// The certificate's Open Badges 3.0 credential, signed as a VC-JWT (decision 15); null for a revoked certificate,
    /// which no longer gets one.
    /// </summary>
    public async Task<string?> BadgeAsync(CertificateRecord certificate, CancellationToken cancellationToken = default)
    {
        if (certificate.Revocation is not null ||
            await grains.GetGrain<Qualifications.IQualificationGrain>(certificate.QualificationCode).GetAsync() is not { } definition)
        {
            return null;
        }

        return await badges.SignAsync(BadgeCertificate.From(certificate, definition, VerificationUrl(certificate.Number)), cancellationToken);
    }

    public Uri VerificationUrl(string number) => CertificateDocument.VerificationUrl(institution, number);

    public static string BadgeFileName(CertificateRecord certificate) => $"certyfikat-{certificate.Number.Replace('/', '-')}.jwt";

    public static string FileName(CertificateRecord certificate) => $"certyfikat-{certificate.Number.Replace('/', '-')}-v{certificate.DocumentVersion}.pdf";
}
