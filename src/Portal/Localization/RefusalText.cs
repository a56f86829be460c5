using System.Globalization;
using Certification.ExamSimulator.Sandbox;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Localization;

/// <summary>
/// Marker for the simulator's refusals in other languages: <c>Resources/Localization/SimulatorRefusals.en.resx</c>, keyed
/// by <see cref="RefusalCodes.Keys"/>. Polish needs no file: the simulator's own sentences are Polish.
/// </summary>
public sealed class SimulatorRefusals;

/// <summary>
/// A refusal of the simulated CRM (<see cref="CommandError"/>) in the user's language: worded from its code with its
/// values, the label of the field it names translated like the rest of the page.
/// </summary>
public sealed class RefusalText(IStringLocalizer<SimulatorRefusals> refusals, IStringLocalizer<SharedResource> text)
{
    public string For(CommandError error)
    {
        var wording = refusals[RefusalCodes.KeyOf(error)];

        // In Polish there is no wording but the simulator's own; a refusal recorded before refusals carried their
        // values can only be shown as it was recorded.
        if (wording.ResourceNotFound || error.Arguments is null)
        {
            return error.Message;
        }

        object[] values = error.Label is { } label ? [text[label].Value, .. error.Arguments] : [.. error.Arguments];
        return string.Format(CultureInfo.CurrentCulture, wording.Value, values);
    }

    /// <summary>All the reasons of a refused command, in one sentence each.</summary>
    public string For(IEnumerable<CommandError> errors) => string.Join(" ", errors.Select(For));
}
