using System.Security.Claims;
using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Certification.Portal.Exams;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Candidate;

public sealed class IndexModel(ExamQueries queries, AssessmentQueries assessments) : PageModel
{
    public IReadOnlyList<SessionListItem> Sessions { get; private set; } = [];

    /// <summary>Sessions in which the panel has signed the candidate's validation decision.</summary>
    public IReadOnlySet<Guid> Decided { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync()
    {
        if (Guid.TryParse(User.FindFirstValue(PortalClaims.PersonId), out var person))
        {
            // A sign-in by access code sees only the sitting of its code.
            var only = User.FindFirstValue(PortalClaims.SessionId);
            Sessions = [.. (await queries.ForCandidateAsync(person)).Where(s => only is null || s.Id.ToString() == only)];
            Decided = await assessments.DecidedSessionsOfAsync(person);
        }
    }
}
