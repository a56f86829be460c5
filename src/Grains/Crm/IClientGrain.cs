using Certification.Common;

namespace Certification.Crm;

/// <summary>One client organisation (a municipality, county, company or NGO): the single writer of its data.</summary>
[Alias("cert.crm.IClientGrain")]
public interface IClientGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<CommandResult> CreateAsync(ClientDetails details);

    /// <summary>Replaces the details if nobody changed them since <paramref name="expectedVersion"/> was read.</summary>
    [Alias("Update")]
    Task<CommandResult> UpdateAsync(int expectedVersion, ClientDetails details);

    [Alias("Get")]
    Task<ClientSnapshot?> GetAsync();

    /// <summary>Writes the client's row in the list projection again from the grain state.</summary>
    [Alias("RefreshProjection")]
    Task RefreshProjectionAsync();
}
