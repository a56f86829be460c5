using Certification.Common;

namespace Certification.Consents;

/// <summary>What a person agrees to. Values are stored: never renumber.</summary>
public enum ConsentPurpose
{
    /// <summary>E-mails about trainings and events (invitations): marketing, sent only with this consent.</summary>
    Marketing = 1,

    /// <summary>The rules of self-registration and the information on processing personal data (RODO art. 13).</summary>
    RegistrationTerms = 2,
}

/// <summary>One decision of a person about one purpose: given or withdrawn, when, how we learnt it, who recorded it.</summary>
[GenerateSerializer, Immutable, Alias("cert.consents.ConsentRecord")]
public sealed record ConsentRecord(
    [property: Id(0)] ConsentPurpose Purpose,
    [property: Id(1)] bool Given,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Source,
    [property: Id(4)] string Actor)
{
    /// <summary>Set on a decision recorded for a record since merged into this person (shown, never stored, this way).</summary>
    [Id(5)]
    public Guid? MergedFrom { get; init; }
}

/// <summary>The consent history of a record merged into a person, as it was when it was merged; never changed after.</summary>
[GenerateSerializer, Immutable, Alias("cert.consents.AbsorbedConsents")]
public sealed record AbsorbedConsents(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] IReadOnlyList<ConsentRecord> History,
    [property: Id(2)] bool Unsubscribed);

[GenerateSerializer, Immutable, Alias("cert.consents.ConsentSnapshot")]
public sealed record ConsentSnapshot(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] IReadOnlyList<ConsentRecord> History,
    [property: Id(2)] bool Unsubscribed,
    [property: Id(3)] string UnsubscribeToken)
{
    /// <summary>The latest decision about a purpose; no record means no consent. <see cref="History"/> is in time order, merged records included.</summary>
    public bool Has(ConsentPurpose purpose) => History.LastOrDefault(r => r.Purpose == purpose)?.Given == true;

    /// <summary>Whether marketing mail may go to this person: consent given and not unsubscribed since.</summary>
    public bool MayReceiveMarketing() => Has(ConsentPurpose.Marketing) && !Unsubscribed;
}

/// <summary>
/// A person's consents (key: the person's id) kept apart from their CRM record: its own history that
/// is never rewritten, and the unsubscribe flag set from a link in any marketing e-mail.
/// </summary>
[Alias("cert.consents.IPersonConsentsGrain")]
public interface IPersonConsentsGrain : IGrainWithGuidKey
{
    [Alias("Record")]
    Task<CommandResult> RecordAsync(ConsentPurpose purpose, bool given, string source, string actor);

    /// <summary>Stops all marketing mail; giving the marketing consent again lifts it.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(string source, string actor);

    [Alias("Get")]
    Task<ConsentSnapshot> GetAsync();

    /// <summary>
    /// The person's record was merged into <paramref name="survivorId"/>: decisions are no longer recorded here, and an
    /// unsubscribe link of an old e-mail unsubscribes the survivor. Returns this history and those merged into it.
    /// </summary>
    [Alias("MergeInto")]
    Task<IReadOnlyList<AbsorbedConsents>> MergeIntoAsync(Guid survivorId);

    /// <summary>Keeps the histories of merged records beside this person's own; a history already kept is not added again.</summary>
    [Alias("Absorb")]
    Task AbsorbAsync(IReadOnlyList<AbsorbedConsents> histories);
}

public static class ConsentRules
{
    public const string UnknownPurpose = "consent.unknown_purpose";
    public const string SourceRequired = "consent.source_required";
}
