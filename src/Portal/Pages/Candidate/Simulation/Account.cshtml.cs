using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Simulation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Candidate.Simulation;

/// <summary>An account: its data (edited in place), its contacts, opportunities, offers and event history. "new" creates one.</summary>
public sealed class AccountModel(CandidateSimulations simulations) : SimulationPage(simulations)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public AccountForm Form { get; set; } = new();

    [BindProperty]
    public ContactForm NewContact { get; set; } = new();

    [BindProperty]
    public AccountEventKind EventKind { get; set; } = AccountEventKind.Note;

    [BindProperty]
    public string? EventText { get; set; }

    public ExamSimulator.Sandbox.Account? Account { get; private set; }

    public bool IsNew => Id == "new";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        if (Account is not null)
        {
            Form = AccountForm.From(Account.Data);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadForAsync())
        {
            return NotFound();
        }

        SandboxCommand command = IsNew ? new CreateAccount(Form.ToData()) : new UpdateAccount(Id, Form.ToData());
        return await SendAsync(command, nameof(Form)) ? RedirectToPage(new { SessionId, id = CreatedId ?? Id }) : Reload();
    }

    public async Task<IActionResult> OnPostContactAsync()
    {
        if (!await LoadForAsync() || Account is null)
        {
            return NotFound();
        }

        return await SendAsync(new CreateContact(Id, NewContact.ToData()), nameof(NewContact)) ? RedirectToPage(new { SessionId, Id }) : Reload();
    }

    public async Task<IActionResult> OnPostEventAsync()
    {
        if (!await LoadForAsync() || Account is null)
        {
            return NotFound();
        }

        return await SendAsync(new RecordAccountEvent(Id, EventKind, EventText ?? "")) ? RedirectToPage(new { SessionId, Id }) : Reload();
    }

    private async Task<bool> LoadForAsync()
    {
        if (!await LoadAsync())
        {
            return false;
        }

        Account = State.FindAccount(Id);
        return IsNew || Account is not null;
    }

    private PageResult Reload()
    {
        Account = State.FindAccount(Id);
        return Page();
    }
}
