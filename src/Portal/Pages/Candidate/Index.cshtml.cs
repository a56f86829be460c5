using System.Security.Claims;
using Certification.Portal.Accounts;
using Certification.Portal.Exams;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Candidate;

public sealed class IndexModel(ExamQueries queries) : PageModel
{
    public IReadOnlyList<SessionListItem> Sessions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (Guid.TryParse(User.FindFirstValue(PortalClaims.PersonId), out var person))
        {
            // A sign-in by access code sees only the sitting of its code.
            var only = User.FindFirstValue(PortalClaims.SessionId);
            Sessions = [.. (await queries.ForCandidateAsync(person)).Where(s => only is null || s.Id.ToString() == only)];
        }
    }
}
