using Certification.Portal.Localization;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Training.Setup;

public sealed class LocationModel(IGrainFactory grains, ErrorText errors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public LocationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var setup = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
            if (setup.Locations.FirstOrDefault(l => l.Id == id) is not { } location)
            {
                return NotFound();
            }

            Form = new LocationForm { Name = location.Name, Address = location.Address, City = location.City, County = location.County, Active = location.Active };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var location = new TrainingLocation(Id ?? Guid.NewGuid(), Form.Name ?? string.Empty, Form.Address ?? string.Empty, Form.City ?? string.Empty, Form.County ?? string.Empty, Form.Active);
        var result = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(location);
        if (result.Succeeded)
        {
            return RedirectToPage("Index");
        }

        ModelState.AddErrors(result.Errors, errors, nameof(Form));
        return Page();
    }

    public sealed class LocationForm
    {
        public string? Name { get; set; }
        public string? Address { get; set; }
        public string? City { get; set; }
        public string? County { get; set; }
        public bool Active { get; set; } = true;
    }
}
