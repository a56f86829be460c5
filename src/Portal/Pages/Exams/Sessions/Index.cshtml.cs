using Certification.Portal.Exams;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Exams.Sessions;

public sealed class IndexModel(ExamQueries queries) : PageModel
{
    public IReadOnlyList<SessionListItem> Sessions { get; private set; } = [];

    public async Task OnGetAsync() => Sessions = await queries.AllAsync();
}
