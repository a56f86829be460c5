namespace Certification.Qualifications;

/// <summary>One qualification's definition, keyed by its code (e.g. <c>CRM-PRK4</c>).</summary>
[Alias("cert.qual.IQualificationGrain")]
public interface IQualificationGrain : IGrainWithStringKey
{
    /// <summary>Stores the definition from its file; a definition identical to the stored one changes nothing.</summary>
    [Alias("Publish")]
    Task<int> PublishAsync(Qualification definition);

    [Alias("Get")]
    Task<Qualification?> GetAsync();
}
