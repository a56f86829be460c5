namespace Certification.Crm;

/// <summary>What kind of organisation a client is. Values are stored: never renumber.</summary>
public enum ClientKind
{
    Municipality = 1,
    County = 2,
    Company = 3,
    Ngo = 4,
}
