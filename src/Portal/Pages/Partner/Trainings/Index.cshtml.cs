using Certification.Portal.Accounts;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Partner.Trainings;

/// <summary>The trainings a partner administrator's organisation may see, and who of their people took part in what.</summary>
public sealed class IndexModel(TrainingQueries queries, IGrainFactory grains) : PageModel
{
    public IReadOnlyList<OrderListItem> Orders { get; private set; } = [];

    public IReadOnlyList<Participation> Participations { get; private set; } = [];

    public IReadOnlyDictionary<Guid, TrainingLocation> Locations { get; private set; } = new Dictionary<Guid, TrainingLocation>();

    public async Task OnGetAsync()
    {
        var client = CrmScope.For(User).ClientId!.Value;
        Orders = await queries.OrdersVisibleToAsync(client);
        Participations = await queries.ParticipationsOfClientAsync(client);
        Locations = (await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync()).Locations.ToDictionary(l => l.Id);
    }
}
