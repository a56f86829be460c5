using Certification.Portal.Localization;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Training.Setup;

/// <summary>
/// A kind of training order: its phases (rows; empty ones are ignored) and which moves between them
/// are allowed (a matrix of from × to). New types start from the default course.
/// </summary>
public sealed class TypeModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    private const int BlankPhases = 3;

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string? TypeId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<OrderPhaseRow> Phases { get; set; } = [];

    /// <summary>Allowed moves as "from>to".</summary>
    [BindProperty]
    public List<string> Transitions { get; set; } = [];

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync()
    {
        var setup = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
        var type = Id is null ? OrderTypes.Default with { Id = string.Empty, Name = string.Empty } : setup.Types.FirstOrDefault(t => t.Id == Id);
        if (type is null)
        {
            return NotFound();
        }

        TypeId = type.Id;
        Name = type.Name;
        Phases = [.. type.Phases.Select(p => new OrderPhaseRow { Id = p.Id, Name = p.Name, Published = p.Published, Enrolment = p.Enrolment, Attendance = p.Attendance })];
        Transitions = [.. type.Transitions.Select(t => $"{t.From}>{t.To}")];
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var phases = Phases.Where(p => !string.IsNullOrWhiteSpace(p.Id) || !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => new OrderPhase(p.Id?.Trim() ?? string.Empty, p.Name ?? string.Empty, p.Published, p.Enrolment, p.Attendance))
            .ToList();
        var transitions = Transitions.Select(t => t.Split('>')).Where(t => t.Length == 2).Select(t => new PhaseTransition(t[0], t[1])).ToList();
        var type = new OrderType(Id ?? TypeId ?? string.Empty, Name ?? string.Empty, phases, transitions);
        var result = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveTypeAsync(type);
        if (result.Succeeded)
        {
            return RedirectToPage("Index");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field is "Id" ? nameof(TypeId) : error.Field, errors.For(error.Code));
        }

        AddBlankRows();
        return Page();
    }

    public bool Allowed(string from, string to) => Transitions.Contains($"{from}>{to}");

    public IEnumerable<OrderPhaseRow> NamedPhases() => Phases.Where(p => !string.IsNullOrWhiteSpace(p.Id));

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankPhases; i++)
        {
            Phases.Add(new OrderPhaseRow());
        }
    }

    public sealed class OrderPhaseRow
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public bool Published { get; set; }
        public bool Enrolment { get; set; }
        public bool Attendance { get; set; }
    }
}
