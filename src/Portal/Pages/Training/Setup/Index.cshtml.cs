using Certification.Training;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Training.Setup;

/// <summary>The training office's settings: kinds of orders with their phases, and the list of locations.</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public TrainingSetup Setup { get; private set; } = new(0, [], []);

    public async Task OnGetAsync() => Setup = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
}
