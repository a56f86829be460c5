using System.Security.Claims;
using Certification.Common;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Localization;
using Certification.Portal.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Crm;

/// <summary>
/// A person's employment history with the two things that change it: a job change (or promotion) and
/// leaving. The office acts on anyone; an account manager or a partner administrator only on the current
/// people of their clients and within them — the person grain enforces that too, this page only keeps
/// others' people unseen.
/// </summary>
public abstract class EmploymentPageModel(IGrainFactory grains, CrmQueries queries, ErrorText errors, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EmploymentForm Job { get; set; } = new();

    [BindProperty]
    public EmploymentForm Leave { get; set; } = new();

    public PersonSnapshot Person { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> ClientNames { get; private set; } = new Dictionary<Guid, string>();

    public Employment? Current => EmploymentRules.Current(Person.Employments);

    /// <summary>The periods at the caller's clients only: where else someone worked is not theirs to know.</summary>
    public IReadOnlyList<Employment> VisibleRecords => [.. Person.Employments.Where(e => Scope.CanRead(e.ClientId))];

    /// <summary>Client pages are the office's: a partner gets names, not links.</summary>
    public bool LinkClients => PartnerClient is null;

    /// <summary>The partner's client when a partner administrator acts; null for the office's pages.</summary>
    protected abstract Guid? PartnerClient { get; }

    private CrmScope Scope => CrmScope.For(User);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var today = PolishDate.Of(clock.GetUtcNow());
        Job = new EmploymentForm { ClientId = Current?.ClientId, Unit = Current?.Unit, Position = Current?.Position, From = today, Version = Person.Version };
        Leave = new EmploymentForm { Until = today, Version = Person.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostChangeJobAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Job.From is not { } from)
        {
            return Refused(nameof(Job), [new FieldError("From", ErrorCodes.Required)]);
        }

        var result = await Grain.ChangeJobAsync(Job.Version, PartnerClient ?? Job.ClientId ?? Guid.Empty, Job.Unit, Job.Position, from, Scope.Grants, Actor);
        return result.Succeeded ? RedirectToPage("Details", new { id = Id }) : Refused(nameof(Job), result.Errors);
    }

    public async Task<IActionResult> OnPostLeaveAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Leave.Until is not { } until)
        {
            return Refused(nameof(Leave), [new FieldError("Until", ErrorCodes.Required)]);
        }

        var result = await Grain.LeaveAsync(Leave.Version, until, Scope.Grants, Actor);
        return result.Succeeded ? RedirectToPage("Details", new { id = Id }) : Refused(nameof(Leave), result.Errors);
    }

    private IPersonGrain Grain => grains.GetGrain<IPersonGrain>(Id);

    private string Actor => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private PageResult Refused(string form, IEnumerable<FieldError> broken)
    {
        ModelState.AddErrors(broken, errors, form);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        // Someone who is not the current staff of the caller's clients is answered like someone who does not exist.
        if (await Grain.GetAsync() is not { } person || !Scope.CanRead(person.Details.ClientId))
        {
            return false;
        }

        Person = person;
        ClientNames = await queries.ClientNamesAsync(person.Employments.Select(e => e.ClientId));
        if (PartnerClient is null)
        {
            ViewData["Clients"] = await queries.ClientOptionsAsync(Scope);
        }

        return true;
    }
}
