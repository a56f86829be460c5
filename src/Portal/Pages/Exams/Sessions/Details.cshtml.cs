using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Exams.Sessions;

public sealed class DetailsModel(IGrainFactory grains, CrmQueries crm, UserStore users, ErrorText errors) : PageModel
{
    public SessionSnapshot? Session { get; private set; }

    public string? OperatorName { get; private set; }

    public IReadOnlyList<(Guid Person, string Name)> Candidates { get; private set; } = [];

    public IReadOnlyList<AttemptBoardRow> Board { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<PersonListItem> Found { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(Guid id, Guid personId, int version) =>
        ChangeRosterAsync(id, version, roster => roster.Append(personId));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid personId, int version) =>
        ChangeRosterAsync(id, version, roster => roster.Where(p => p != personId));

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
        Board = await grain.GetBoardAsync();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            Found = [.. (await crm.PeopleAsync(new CrmScope(true, null), Search, null, 1)).Items.Where(p => !Session.Roster.Contains(p.Id))];
        }

        return true;
    }
}
