using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;

namespace Certification.Portal.Pages.Candidate.Simulation;

public sealed class ContactModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public ContactForm Form { get; set; } = new();

    public Contact Contact { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        Form = ContactForm.From(Contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        if (await SendAsync(new UpdateContact(Id, Form.ToData()), nameof(Form)))
        {
            return RedirectToPage(new { SessionId, Id });
        }

        Contact = State.FindContact(Id) ?? Contact;
        return Page();
    }

    private async Task<bool> LoadForAsync()
    {
        if (!await LoadAsync() || State.FindContact(Id) is not { } contact)
        {
            return false;
        }

        Contact = contact;
        return true;
    }
}
