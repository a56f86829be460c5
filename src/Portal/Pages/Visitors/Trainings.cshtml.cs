using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Visitors;

/// <summary>The public list of trainings anyone may enrol on.</summary>
public sealed class TrainingsModel(TrainingQueries queries, IGrainFactory grains) : PageModel
{
    public IReadOnlyList<OrderListItem> Orders { get; private set; } = [];

    public IReadOnlyDictionary<Guid, TrainingLocation> Locations { get; private set; } = new Dictionary<Guid, TrainingLocation>();

    public async Task OnGetAsync()
    {
        Orders = await queries.OpenForEveryoneAsync();
        Locations = (await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync()).Locations.ToDictionary(l => l.Id);
    }
}
