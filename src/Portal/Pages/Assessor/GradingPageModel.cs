using Certification.Assessment;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Certification.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Assessor;

/// <summary>One criterion as the grading form posts it.</summary>
public sealed class GradeInput
{
    public string CriterionId { get; set; } = string.Empty;

    /// <summary><c>met</c>, <c>unmet</c>, or nothing yet.</summary>
    public string? Grade { get; set; }

    public string? Comment { get; set; }
}

/// <summary>
/// A panel member's sheet for one part of a candidate's validation: grade each criterion alone, save a draft,
/// submit; only then are the other members' submitted grades shown, with the disagreements to resolve.
/// Every handler first checks that the signed-in assessor sits on this candidate's panel.
/// </summary>
public abstract class GradingPageModel(IGrainFactory grains, Validations validations, ErrorText errors, IStringLocalizer<SharedResource> text) : PageModel
{
    public abstract AssessmentPart Part { get; }

    public ValidationView View { get; private set; } = null!;

    /// <summary>The signed-in assessor as a CRM person.</summary>
    public Guid Me { get; private set; }

    /// <summary>The sheets the assessor may read: their own, and the others' submitted ones once theirs is submitted.</summary>
    public IReadOnlyList<GradeSheet> Sheets { get; private set; } = [];

    [BindProperty]
    public List<GradeInput> Grades { get; set; } = [];

    /// <summary>Set after a redirect: <c>draft</c> or <c>submitted</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyList<Criterion> Criteria => View.Criteria(Part);

    public GradeSheet? Mine => Sheets.FirstOrDefault(s => s.AssessorId == Me);

    public bool Submitted => Mine?.SubmittedAt is not null;

    public IReadOnlyList<GradeSheet> Others => [.. Sheets.Where(s => s.AssessorId != Me && s.SubmittedAt is not null)];

    /// <summary>Panel members who have not submitted this part yet.</summary>
    public IReadOnlyList<Guid> Waiting => [.. View.Assessment.Panel.Where(p => !View.Assessment.Submitted[Part].Contains(p))];

    /// <summary>Criteria the submitted grades disagree on; shown only to a member who has submitted, so nobody learns others' grades early.</summary>
    public IReadOnlyList<string> Disagreements => Submitted ? View.Assessment.Disagreements[Part] : [];

    public GradeInput InputFor(string criterion) => Grades.FirstOrDefault(g => g.CriterionId == criterion) ?? new GradeInput { CriterionId = criterion };

    public Resolution? ResolutionOf(string criterion) => View.Assessment.Resolutions[Part].LastOrDefault(r => r.CriterionId == criterion);

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid personId)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        Grades = [.. Criteria.Select(c => Mine?.Grades.FirstOrDefault(g => g.CriterionId == c.Id) is { } grade
            ? new GradeInput { CriterionId = c.Id, Grade = grade.Met ? "met" : "unmet", Comment = grade.Comment }
            : new GradeInput { CriterionId = c.Id })];
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid sessionId, Guid personId) => SaveAsync(sessionId, personId, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(Guid sessionId, Guid personId) => SaveAsync(sessionId, personId, submit: true);

    public async Task<IActionResult> OnPostResolveAsync(Guid sessionId, Guid personId, string criterionId, string? met, string? reason)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        if (met is not ("met" or "unmet"))
        {
            Message = text["Wybierz rozstrzygnięcie: spełnione albo niespełnione."];
            return Page();
        }

        var result = await grains.Assessment(sessionId, personId).ResolveAsync(Part, criterionId, met == "met", reason ?? string.Empty, Me, User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { sessionId, personId });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<IActionResult> SaveAsync(Guid sessionId, Guid personId, bool submit)
    {
        if (!await LoadAsync(sessionId, personId))
        {
            return NotFound();
        }

        // A draft keeps the criteria already graded; a submission must grade them all (the grain says which rule is broken).
        var grades = Grades
            .Where(g => g.Grade is "met" or "unmet")
            .Select(g => new CriterionGrade(g.CriterionId, g.Grade == "met", g.Comment))
            .ToList();
        var result = await grains.Assessment(sessionId, personId).SaveGradesAsync(Part, Me, grades, submit, User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { sessionId, personId, saved = submit ? "submitted" : "draft" });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sessionId, Guid personId)
    {
        if (await validations.LoadAsync(sessionId, personId) is not { } view || User.PanelMember(view.Assessment) is not { } me)
        {
            return false;
        }

        View = view;
        Me = me;
        Sheets = await grains.Assessment(sessionId, personId).GetSheetsAsync(Part, me);
        await LoadedAsync();
        return true;
    }

    /// <summary>Loads what a part's page shows beside the grades, once the panel member is known.</summary>
    protected virtual Task LoadedAsync() => Task.CompletedTask;
}
