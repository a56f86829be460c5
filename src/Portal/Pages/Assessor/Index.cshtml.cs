using Certification.Portal.Accounts;
using Certification.Portal.Assessment;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Assessor;

/// <summary>"Moje komisje": the validations whose panel the signed-in assessor sits on, and the appeals they review.</summary>
public sealed class IndexModel(AssessmentQueries queries) : PageModel
{
    /// <summary>False when the account is not linked to a CRM person: it cannot sit on a panel.</summary>
    public bool Linked { get; private set; }

    public IReadOnlyList<ValidationListItem> Panels { get; private set; } = [];

    public IReadOnlyList<ValidationListItem> Reviews { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (User.StaffPerson() is { } me)
        {
            Linked = true;
            Panels = await queries.PanelsOfAsync(me);
            Reviews = await queries.ReviewsOfAsync(me);
        }
    }
}
