using System.Security.Claims;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Portal.Crm;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Training.Orders;

/// <summary>
/// Invites a segment to an order: the criteria give a preview of who matches; those with an address
/// and the marketing consent get a personalised e-mail and are linked to the order as invited.
/// </summary>
public sealed class InviteModel(IGrainFactory grains, Segments segments, TrainingQueries queries, CustomFieldQueries customFields) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FieldValue { get; set; }

    public IReadOnlyList<CustomFieldDefinition> Fields { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<ClientKind> Kinds { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Attended { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Since { get; set; }

    public OrderSnapshot Order { get; private set; } = null!;

    public IReadOnlyList<OrderListItem> PastOrders { get; private set; } = [];

    public IReadOnlyList<SegmentMember> Members { get; private set; } = [];

    public int? Sent { get; private set; }

    private SegmentCriteria Criteria => new(
        Kinds, City, Attended, Since, CustomFieldQueries.Normalize(Fields.FirstOrDefault(f => f.Id == Field), FieldValue),
        Fields.FirstOrDefault(f => f.Id == Field)?.Entity == CustomFieldEntity.Client);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Criteria.IsEmpty())
        {
            var invited = await grains.GetGrain<ITrainingOrderGrain>(Id)
                .InviteAsync([.. Members.Where(m => m.Invitable).Select(m => m.Id)], User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            Sent = invited.Count;
            Order = (await grains.GetGrain<ITrainingOrderGrain>(Id).GetAsync())!;
        }

        return Page();
    }

    public bool AlreadyInvited(Guid person) => Order.Invited.Contains(person);

    private async Task<bool> LoadAsync()
    {
        if (await grains.GetGrain<ITrainingOrderGrain>(Id).GetAsync() is not { } order)
        {
            return false;
        }

        Order = order;
        Fields = [.. await customFields.FieldsOfAsync(CustomFieldEntity.Person), .. await customFields.FieldsOfAsync(CustomFieldEntity.Client)];
        PastOrders = [.. (await queries.OrdersAsync(null, null, null, null)).Where(o => o.Id != Id && o.Enrolled > 0)];
        // No criteria, no segment: inviting the whole CRM by an empty form would be a mistake, not a choice.
        Members = Criteria.IsEmpty() ? [] : await segments.FindAsync(Criteria);
        return true;
    }
}
