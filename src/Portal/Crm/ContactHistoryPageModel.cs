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
/// The contact history of one person or client, filtered by category and dates, with a form to add a note by hand.
/// Someone outside the caller's <see cref="CrmScope"/> is answered as if they did not exist.
/// </summary>
public abstract class ContactHistoryPageModel(ContactNotes notes, ErrorText errors, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Until { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public NoteForm Note { get; set; } = new();

    public string Name { get; protected set; } = string.Empty;

    /// <summary>The page of the person or client whose history this is.</summary>
    public abstract string OwnerPage { get; }

    /// <summary>Whether entries name the person they concern: on a client's history, yes.</summary>
    public abstract bool ShowsPeople { get; }

    public Page<ContactHistoryItem> Result { get; private set; } = new([], 0, 1, ContactHistoryQueries.PageSize);

    protected CrmScope Scope => CrmScope.For(User);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadOwnerAsync())
        {
            return NotFound();
        }

        Note = new NoteForm { Id = Guid.NewGuid(), At = clock.GetUtcNow().InPoland().DateTime };
        Result = await HistoryAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync()
    {
        if (!await LoadOwnerAsync())
        {
            return NotFound();
        }

        var broken = new List<FieldError>();
        if (Note.At is null)
        {
            broken.Add(new FieldError("At", ErrorCodes.Required));
        }
        else
        {
            var (person, client) = NoteTarget();
            var result = await notes.AddAsync(new ContactNote(
                Note.Id == Guid.Empty ? Guid.NewGuid() : Note.Id,
                Note.Kind,
                PolishTime.FromPoland(Note.At.Value),
                person,
                client,
                Note.Text ?? string.Empty,
                User.FindFirstValue(ClaimTypes.NameIdentifier)!),
                Scope.Grants);
            if (result.Succeeded)
            {
                return RedirectToPage(new { Id });
            }

            if (result.Errors.Any(e => e.Code == ContactNotes.OutOfScope))
            {
                return NotFound();
            }

            broken.AddRange(result.Errors);
        }

        ModelState.AddErrors(broken, errors, nameof(Note));
        Result = await HistoryAsync();
        return Page();
    }

    /// <summary>Finds the person or client and sets <see cref="Name"/>; false when there is none within <see cref="Scope"/>.</summary>
    protected abstract Task<bool> LoadOwnerAsync();

    /// <summary>Whom a note added here is about.</summary>
    protected abstract (Guid? Person, Guid? Client) NoteTarget();

    protected abstract Task<Page<ContactHistoryItem>> HistoryAsync();
}
