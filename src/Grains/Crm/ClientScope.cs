namespace Certification.Crm;

/// <summary>
/// The clients whose records a CRM command may change, as the caller's access allows: every client for
/// the office, their own organisation for a partner administrator, the clients assigned to an account
/// manager. Grains check it against the record they own, so a page that passes the wrong client, or a
/// person by an id that is not theirs, changes nothing.
/// </summary>
/// <param name="Clients">The clients reached; null for all of them.</param>
/// <param name="Extranet">
/// The caller is a client's own administrator, from outside the office: of custom fields they fill only those
/// the office shares with the extranet.
/// </param>
[GenerateSerializer, Immutable, Alias("cert.crm.ClientScope")]
public sealed record ClientScope([property: Id(0)] IReadOnlyList<Guid>? Clients, [property: Id(1)] bool Extranet = false)
{
    public static ClientScope All { get; } = new((IReadOnlyList<Guid>?)null);

    public static ClientScope Of(IEnumerable<Guid> clients) => new([.. clients]);

    /// <summary>A partner administrator of <paramref name="client"/>.</summary>
    public static ClientScope Partner(Guid client) => new([client], Extranet: true);

    public bool IsAll => Clients is null;

    /// <summary>Whether a record of <paramref name="clientId"/> is reached; a record of no client only by the office.</summary>
    public bool Includes(Guid? clientId) => Clients is null || (clientId is { } id && Clients.Contains(id));
}
