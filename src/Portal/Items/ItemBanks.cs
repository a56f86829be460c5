using Certification.Qualifications;

namespace Certification.Portal.Items;

/// <summary>The bank the item pages open on: the first qualification the platform ships.</summary>
public static class ItemBanks
{
    public static string Default { get; } = QualificationDefinitions.Embedded()[0].Code;
}
