using Certification.Common;

namespace Certification.Crm;

/// <summary>
/// One client organisation (a municipality, county, company or NGO): the single writer of its data and of
/// who looks after it. Its caretakers are account managers whose CRM reaches this client (see
/// <c>docs/decisions/0009-own-list-access.md</c>).
/// </summary>
[Alias("cert.crm.IClientGrain")]
public interface IClientGrain : IGrainWithGuidKey
{
    [Alias("Create")]
    Task<CommandResult> CreateAsync(ClientDetails details);

    /// <summary>
    /// Replaces the details if nobody changed them since <paramref name="expectedVersion"/> was read, and only
    /// for a caller whose <paramref name="scope"/> reaches this client.
    /// </summary>
    [Alias("UpdateWithin")]
    Task<CommandResult> UpdateAsync(int expectedVersion, ClientDetails details, ClientScope scope);

    /// <summary>Puts the client in the care of an account (an account manager, which the caller checks).</summary>
    [Alias("AssignCaretaker")]
    Task<CommandResult> AssignCaretakerAsync(Guid accountId, string accountName, string actor);

    [Alias("RemoveCaretaker")]
    Task<CommandResult> RemoveCaretakerAsync(Guid accountId, string accountName, string actor);

    [Alias("Get")]
    Task<ClientSnapshot?> GetAsync();

    /// <summary>Writes the client's row in the list projection again from the grain state.</summary>
    [Alias("RefreshProjection")]
    Task RefreshProjectionAsync();
}
