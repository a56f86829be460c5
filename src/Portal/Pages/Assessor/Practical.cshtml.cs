using Certification.Assessment;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Certification.Portal.Simulation;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Assessor;

/// <summary>
/// The practical part: the candidate's simulation live beside the grade sheet (the action stream, the checkers' status per
/// criterion, the panel's notes), kept current over the assessors' hub without reloading.
/// </summary>
public sealed class PracticalModel(
    IGrainFactory grains, Validations validations, ErrorText errors, IStringLocalizer<SharedResource> text, PanelSimulations simulations)
    : GradingPageModel(grains, validations, errors, text)
{
    public override AssessmentPart Part => AssessmentPart.Practical;

    /// <summary>The simulation as it was when the page was drawn; the page's script carries on from its last action.</summary>
    public LiveSimulation Live { get; private set; } = null!;

    /// <summary>The names of the panel and of everyone who wrote a note, for the notes shown and those arriving live.</summary>
    public IReadOnlyDictionary<Guid, string> NoteAuthors { get; private set; } = new Dictionary<Guid, string>();

    protected override async Task LoadedAsync()
    {
        Live = await simulations.ReadAsync(View.SessionId, View.CandidateId);
        NoteAuthors = await simulations.NamesAsync([.. View.Assessment.Panel, .. Live.Notes.Select(n => n.By)]);
    }
}
