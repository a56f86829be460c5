using Certification.Common;

namespace Certification.Crm;

/// <summary>One person known to the institution (a client's employee, a participant, a candidate).</summary>
[Alias("cert.crm.IPersonGrain")]
public interface IPersonGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<CommandResult> CreateAsync(PersonDetails details);

    [Alias("Update")]
    Task<CommandResult> UpdateAsync(int expectedVersion, PersonDetails details);

    [Alias("Get")]
    Task<PersonSnapshot?> GetAsync();

    [Alias("RefreshProjection")]
    Task RefreshProjectionAsync();
}
