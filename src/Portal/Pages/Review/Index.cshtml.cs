using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Review;

/// <summary>The appeals assigned to the signed-in reviewer.</summary>
public sealed class IndexModel(AssessmentQueries queries) : PageModel
{
    public IReadOnlyList<ValidationListItem> Reviews { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (User.StaffPerson() is { } me)
        {
            Reviews = await queries.ReviewsOfAsync(me);
        }
    }
}
