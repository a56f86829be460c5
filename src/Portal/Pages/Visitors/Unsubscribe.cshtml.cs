using Certification.Consents;
using Certification.Portal.Hosting;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;

namespace Certification.Portal.Pages.Visitors;

/// <summary>
/// The link at the foot of every marketing e-mail: one click shows the page, one button unsubscribes
/// (a link alone would be followed by mail scanners). No sign-in; the token names the person.
/// </summary>
[EnableRateLimiting(RateLimits.PublicLookup)]
public sealed class UnsubscribeModel(NpgsqlDataSource dataSource, IGrainFactory grains) : PageModel
{
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token) => await PersonOfAsync(token) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (await PersonOfAsync(token) is not { } person)
        {
            return NotFound();
        }

        await grains.GetGrain<IPersonConsentsGrain>(person).UnsubscribeAsync("link w wiadomości e-mail", "self");
        Done = true;
        return Page();
    }

    private async Task<Guid?> PersonOfAsync(string token)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Guid?>("SELECT person_id FROM person_consent WHERE unsubscribe_token = @token", new { token });
    }
}
