namespace Certification.Certificates;

/// <summary>What issuing for a validation gave: the certificate's number, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("cert.certs.IssueOutcome")]
public sealed record IssueOutcome([property: Id(0)] string? Number, [property: Id(1)] string? Refusal)
{
    public bool Issued => Number is not null;
}

/// <summary>
/// Issues the certificate a validation earned: called when a decision becomes final and positive (the last signature,
/// an appeal that changes the decision) and by the session's bulk issue. However often it is called for a validation,
/// the validation has one certificate. Stateless: any silo's activation does the same.
/// </summary>
[Alias("cert.certs.ICertificateIssuerGrain")]
public interface ICertificateIssuerGrain : IGrainWithIntegerKey
{
    /// <summary>Issues, or finds, the certificate of the candidate's validation in the session; refuses when the final decision is not positive.</summary>
    [Alias("IssueForValidation")]
    Task<IssueOutcome> IssueForValidationAsync(Guid sessionId, Guid candidateId, string actor);
}

public static class CertificateIssuerKey
{
    public static ICertificateIssuerGrain CertificateIssuer(this IGrainFactory grains) => grains.GetGrain<ICertificateIssuerGrain>(0);
}
