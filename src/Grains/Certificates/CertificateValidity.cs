namespace Certification.Certificates;

/// <summary>What the verification page says of a certificate. Values are stored nowhere, but keep them stable for the API.</summary>
public enum CertificateStatus
{
    Valid = 1,
    Expired = 2,
    Revoked = 3,
}

/// <summary>A certificate's standing on a day, as anyone may learn it: no reasons, no names of who acted.</summary>
/// <param name="Renewed">The validity was extended at least once (document version 2 or later).</param>
/// <param name="RevokedOn">The day it was revoked, in Polish time, when <see cref="Status"/> is <see cref="CertificateStatus.Revoked"/>.</param>
[GenerateSerializer, Immutable, Alias("cert.certs.CertificateStanding")]
public sealed record CertificateStanding(
    [property: Id(0)] CertificateStatus Status,
    [property: Id(1)] DateOnly ValidUntil,
    [property: Id(2)] bool Renewed,
    [property: Id(3)] DateOnly? RevokedOn);

/// <summary>How long a certificate is valid, and whether it is on a given day.</summary>
public static class CertificateValidity
{
    /// <summary>
    /// The last day of validity: the same day <paramref name="years"/> later. A certificate of 29 February is valid until
    /// 28 February of a common year — a period in years ends on the day of the same date, and when that month has no such
    /// day, on its last day (Kodeks cywilny, art. 112); <see cref="DateOnly.AddYears"/> does exactly this.
    /// </summary>
    public static DateOnly Until(DateOnly from, int years) =>
        years > 0 ? from.AddYears(years) : throw new ArgumentOutOfRangeException(nameof(years), years, "A certificate is valid for at least a year.");

    /// <summary>
    /// The standing on <paramref name="today"/> (a Polish calendar day): revoked whatever the dates, otherwise valid
    /// through its last day inclusive and expired from the day after.
    /// </summary>
    public static CertificateStanding On(DateOnly today, DateOnly validUntil, int documentVersion, DateOnly? revokedOn) =>
        new(
            revokedOn is not null ? CertificateStatus.Revoked : today <= validUntil ? CertificateStatus.Valid : CertificateStatus.Expired,
            validUntil,
            documentVersion > 1,
            revokedOn);
}
