namespace Certification.Portal.Localization;

/// <summary>
/// Marker for the portal's texts. Keys are the Polish texts themselves, so Polish needs no
/// resource file; <c>Resources/Localization/SharedResource.en.resx</c> holds the English ones.
/// </summary>
public sealed class SharedResource;
