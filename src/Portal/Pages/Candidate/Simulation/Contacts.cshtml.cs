using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

public sealed class ContactsModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<Contact> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Contacts = [.. State.Contacts
            .Where(c => Matches(Search, c.Data.FirstName + " " + c.Data.LastName, c.Data.Email, c.Data.Phone, c.Data.Position, State.AccountName(c.AccountId)))
            .OrderBy(c => c.Data.LastName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("pl-PL"), ignoreCase: true))];
        return Page();
    }
}
