using Certification.Common;

namespace Certification.Crm;

/// <summary>
/// One person known to the institution (a client's employee, a participant, a candidate) and their
/// employment history. The client, unit and position in <see cref="PersonDetails"/> are always the
/// current job, the open record of the history.
/// </summary>
/// <remarks>
/// Commands that take a <see cref="ClientScope"/> act for someone who reaches only some clients (a partner
/// administrator, an account manager): they touch only the current people of those clients, and keep them
/// there. <c>actor</c> is who acts (a user id), recorded in the contact history.
/// </remarks>
[Alias("cert.crm.IPersonGrain")]
public interface IPersonGrain : IGrainWithGuidKey
{
    /// <summary>Records the person; with a client, their first job starts today.</summary>
    [Alias("Create")]
    Task<CommandResult> CreateAsync(PersonDetails details);

    [Alias("CreateBy")]
    Task<CommandResult> CreateAsync(PersonDetails details, ClientScope scope, string actor);

    /// <summary>
    /// Replaces the details. A different client, unit or position corrects the current employment record
    /// (it was entered wrongly); a real change of job is <see cref="ChangeJobAsync"/>, leaving is <see cref="LeaveAsync"/>.
    /// </summary>
    [Alias("UpdateBy")]
    Task<CommandResult> UpdateAsync(int expectedVersion, PersonDetails details, ClientScope scope, string actor);

    /// <summary>
    /// A new job from <paramref name="from"/>: the current record ends the day before and a new one opens.
    /// A promotion or a transfer is a new position or unit at the same client.
    /// </summary>
    [Alias("ChangeJob")]
    Task<CommandResult> ChangeJobAsync(
        int expectedVersion, Guid clientId, string? unit, string? position, DateOnly from, ClientScope scope, string actor);

    /// <summary>The current job ended on <paramref name="until"/> (the last day worked); the person no longer belongs to the client.</summary>
    [Alias("Leave")]
    Task<CommandResult> LeaveAsync(int expectedVersion, DateOnly until, ClientScope scope, string actor);

    /// <summary>
    /// Merges another record of the same person into this one, which survives (see decision 0010). The other record
    /// becomes a tombstone pointing here; its employment history, consents, contact history, custom values, training
    /// orders and accounts follow this person. Repeating the same request (by <see cref="PersonMergeRequest.MergeId"/>)
    /// finishes a merge that was cut short or confirms one that is done.
    /// </summary>
    [Alias("Merge")]
    Task<CommandResult> MergeAsync(int expectedVersion, PersonMergeRequest request, string actor);

    /// <summary>
    /// Called by the survivor's grain: makes this record a tombstone pointing to <paramref name="survivorId"/> and
    /// returns what the survivor takes over. Once merged, the same call with the same merge id returns the same.
    /// </summary>
    [Alias("MergeInto")]
    Task<MergeSourceResult> MergeIntoAsync(Guid survivorId, Guid mergeId, int expectedVersion, string actor);

    /// <summary>The person, or null when there is none or the record was merged into another (see <see cref="GetTombstoneAsync"/>).</summary>
    [Alias("Get")]
    Task<PersonSnapshot?> GetAsync();

    /// <summary>Where the record went when it was merged into another; null for a record that was not.</summary>
    [Alias("GetTombstone")]
    Task<PersonTombstone?> GetTombstoneAsync();

    [Alias("RefreshProjection")]
    Task RefreshProjectionAsync();
}
