using Certification.Qualifications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Qualifications;

/// <summary>The qualifications as the cluster holds them (published from their definition files at start-up).</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<Qualification> Qualifications { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var published = new List<Qualification>();
        foreach (var code in QualificationDefinitions.Embedded().Select(q => q.Code))
        {
            if (await grains.GetGrain<IQualificationGrain>(code).GetAsync() is { } qualification)
            {
                published.Add(qualification);
            }
        }

        Qualifications = published;
    }
}
