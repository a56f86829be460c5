using System.Security.Claims;
using System.Security.Cryptography;
using Certification.Assessment;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Exams.Sessions;

public sealed class DetailsModel(
    IGrainFactory grains, CrmQueries crm, UserStore users, AccountAdministration accounts, AccessCodes codes, AssessmentQueries assessments,
    ErrorText errors, IStringLocalizer<SharedResource> text)
    : PageModel
{
    // No 0/O, 1/l/I: the password is read out or copied by hand.
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public SessionSnapshot? Session { get; private set; }

    public string? OperatorName { get; private set; }

    public IReadOnlyList<(Guid Person, string Name)> Candidates { get; private set; } = [];

    public IReadOnlyList<AttemptBoardRow> Board { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<PersonListItem> Found { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Shown once, after a login was created: the e-mail and the starting password to hand to the candidate.</summary>
    public string? CreatedLogin { get; private set; }

    public IReadOnlyDictionary<Guid, UserAccount> Logins { get; private set; } = new Dictionary<Guid, UserAccount>();

    /// <summary>When each candidate got the access code now in force.</summary>
    public IReadOnlyDictionary<Guid, DateTime> ActiveCodes { get; private set; } = new Dictionary<Guid, DateTime>();

    /// <summary>Codes just issued, shown this once as slips to print and hand out.</summary>
    public IReadOnlyList<(string Name, string Code)> IssuedCodes { get; private set; } = [];

    /// <summary>Each candidate's validation (panel, decision, appeal), by candidate; none until a panel is appointed.</summary>
    public IReadOnlyDictionary<Guid, ValidationListItem> Validations { get; private set; } = new Dictionary<Guid, ValidationListItem>();

    /// <summary>People who may sit on a panel: those with an Assessor account.</summary>
    public IReadOnlyList<PersonOption> Assessors { get; private set; } = [];

    /// <summary>Why the panel just proposed for a candidate was refused; nothing was saved.</summary>
    public (string Candidate, IReadOnlyList<string> Reasons)? PanelRefused { get; private set; }

    /// <summary>The names of the people on the candidates' panels, whether or not they still have an Assessor account.</summary>
    public IReadOnlyDictionary<Guid, string> PanelNames { get; private set; } = new Dictionary<Guid, string>();

    public string AssessorName(Guid person) =>
        PanelNames.GetValueOrDefault(person) ?? Assessors.FirstOrDefault(a => a.Id == person)?.Name ?? person.ToString();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>
    /// Appoints a candidate's panel. The assessment grain checks impartiality (trainers of the candidate,
    /// declared conflicts) and refuses the whole panel with its reasons: nothing is saved then.
    /// </summary>
    public async Task<IActionResult> OnPostPanelAsync(Guid id, Guid personId, List<Guid> assessors)
    {
        if (!await LoadAsync(id) || !Session!.Roster.Contains(personId))
        {
            return NotFound();
        }

        var candidate = Candidates.First(c => c.Person == personId).Name;
        if (assessors.Any(a => Assessors.All(o => o.Id != a)))
        {
            PanelRefused = (candidate, [text["Wybierz asesorów z listy."]]);
            return Page();
        }

        var objections = await grains.Assessment(id, personId).AppointPanelAsync(assessors, User.Actor());
        if (objections.Count == 0)
        {
            return RedirectToPage(new { id });
        }

        PanelRefused = (candidate, [.. objections.Select(o => errors.For(o, AssessorName))]);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(Guid id, Guid personId, int version) =>
        ChangeRosterAsync(id, version, roster => roster.Append(personId));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid personId, int version) =>
        ChangeRosterAsync(id, version, roster => roster.Where(p => p != personId));

    /// <summary>Gives a person on the roster a Candidate login, with their CRM e-mail and a generated starting password.</summary>
    public async Task<IActionResult> OnPostCreateLoginAsync(Guid id, Guid personId)
    {
        if (!await LoadAsync(id) || !Session!.Roster.Contains(personId))
        {
            return NotFound();
        }

        var person = (await grains.GetGrain<IPersonGrain>(personId).GetAsync())?.Details;
        if (person?.Email is not { } email)
        {
            Message = text["Ta osoba nie ma adresu e-mail w CRM. Uzupełnij go, aby utworzyć konto."];
            return Page();
        }

        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 12);
        var (account, problems) = await accounts.CreateAsync(
            new AccountDetails(email, $"{person.FirstName} {person.LastName}", [Roles.Candidate], null, false, personId, MustChangePassword: true), password);
        if (account is null)
        {
            Message = string.Join(" ", problems.Select(p => errors.For(p.Code)));
            return Page();
        }

        CreatedLogin = string.Format(text["Konto kandydata utworzone. E-mail: {0}, hasło startowe: {1}. Przekaż je kandydatowi — nie zostanie pokazane ponownie."], email, password);
        await LoadAsync(id);
        return Page();
    }

    /// <summary>
    /// Issues one-time access codes: to one candidate (a lost slip: the old code stops working), or to
    /// every candidate on the roster who has no account.
    /// </summary>
    public async Task<IActionResult> OnPostIssueCodesAsync(Guid id, Guid? personId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Guid[] people = personId is { } one ? [one] : [.. Session!.Roster.Where(p => !Logins.ContainsKey(p))];
        if (people.Length == 0)
        {
            Message = text["Wszyscy kandydaci mają konta — nie ma komu wydać kodów."];
            return Page();
        }

        var (issued, error) = await codes.IssueAsync(id, people, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!));
        if (error is not null)
        {
            Message = errors.For(error);
            return Page();
        }

        var names = Candidates.ToDictionary(c => c.Person, c => c.Name);
        IssuedCodes = [.. issued.Select(c => (names[c.PersonId], c.Code)).OrderBy(c => c.Item1, StringComparer.CurrentCulture)];
        ActiveCodes = await codes.ActiveAsync(id);
        return Page();
    }

    /// <summary>After the panel's decision: candidates of a sitting with withheld results see them from now on.</summary>
    public async Task<IActionResult> OnPostReleaseResultsAsync(Guid id)
    {
        var result = await grains.GetGrain<IExamSessionGrain>(id).ReleaseResultsAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (result.Succeeded)
        {
            return RedirectToPage(new { id });
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<IActionResult> ChangeRosterAsync(Guid id, int version, Func<IEnumerable<Guid>, IEnumerable<Guid>> change)
    {
        var grain = grains.GetGrain<IExamSessionGrain>(id);
        if (await grain.GetAsync() is not { } session)
        {
            return NotFound();
        }

        var result = await grain.SetRosterAsync(version, [.. change(session.Roster)]);
        if (result.Succeeded)
        {
            return RedirectToPage(new { id, search = Search });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var grain = grains.GetGrain<IExamSessionGrain>(id);
        Session = await grain.GetAsync();
        if (Session is null)
        {
            return false;
        }

        OperatorName = (await users.FindByIdAsync(Session.Details.OperatorId))?.DisplayName;
        var candidates = new List<(Guid, string)>();
        foreach (var person in Session.Roster)
        {
            var details = (await grains.GetGrain<IPersonGrain>(person).GetAsync())?.Details;
            candidates.Add((person, details is null ? person.ToString() : $"{details.LastName} {details.FirstName}"));
        }

        Candidates = [.. candidates.OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
        Logins = await users.ForPeopleAsync(Session.Roster);
        ActiveCodes = await codes.ActiveAsync(id);
        Board = await grain.GetBoardAsync();
        Validations = await assessments.OfSessionAsync(id);
        Assessors = await assessments.AssessorsAsync();
        PanelNames = await assessments.NamesAsync(Validations.Values.SelectMany(v => v.Panel));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            Found = [.. (await crm.PeopleAsync(CrmScope.All, Search, null, 1)).Items.Where(p => !Session.Roster.Contains(p.Id))];
        }

        return true;
    }
}
