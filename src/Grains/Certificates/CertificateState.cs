namespace Certification.Certificates;

/// <summary>A certificate as the replay of its events; the grain's only state.</summary>
internal sealed class CertificateState
{
    private readonly List<CertificateVersion> _versions = [];
    private readonly HashSet<Guid> _renewals = [];
    private readonly List<int> _reminded = [];

    public int Version { get; private set; }

    public CertificateIssued? Issued { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    public CertificateRevocation? Revocation { get; private set; }

    public bool HasRenewal(Guid renewalId) => _renewals.Contains(renewalId);

    /// <summary>The expiry reminders already sent for the current last day of validity (days before it).</summary>
    public IReadOnlyCollection<int> RemindedDaysBefore => _reminded;

    public void Apply(CertificateEvent @event)
    {
        Version++;
        switch (@event)
        {
            case CertificateIssued issued:
                Issued = issued;
                ValidUntil = issued.ValidUntil;
                _versions.Add(new CertificateVersion(1, issued.IssuedOn, issued.ValidUntil, issued.Actor, null));
                break;
            case CertificateRenewed renewed:
                ValidUntil = renewed.ValidUntil;
                _renewals.Add(renewed.RenewalId);
                _reminded.Clear();
                _versions.Add(new CertificateVersion(_versions.Count + 1, renewed.On, renewed.ValidUntil, renewed.Actor, renewed.Reason));
                break;
            case CertificateRevoked revoked:
                Revocation = new CertificateRevocation(revoked.At, revoked.Reason!, revoked.Actor);
                break;
            case CertificateExpiryReminded reminded:
                // Kept per validity: a reminder of a date a renewal has replaced does not count for the new one.
                if (reminded.ValidUntil == ValidUntil)
                {
                    _reminded.Add(reminded.DaysBefore);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown certificate event {@event.GetType().Name}");
        }
    }

    public CertificateRecord? Record(string number) => Issued is not { } issued
        ? null
        : new CertificateRecord(
            number, issued.HolderId, issued.HolderName, issued.HolderBirthDate, issued.QualificationCode, issued.QualificationName, issued.PrkLevel,
            issued.OutcomeSets, issued.IssuedOn, ValidUntil, issued.Institution, issued.DecisionDate, issued.SessionId,
            _versions.Count, [.. _versions], Revocation, Version);
}
