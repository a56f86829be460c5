using Certification.Certificates;
using Certification.Common;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Certificates;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Certificates.Admin;

/// <summary>
/// One certificate for the office: what it states, its document versions, its revocation. A system administrator
/// revokes it here, with a reason; the verification page shows the revocation as soon as it is saved.
/// </summary>
public sealed class DetailsModel(
    CertificateFiles files, IGrainFactory grains, UserStore users, ErrorText errors, [FromKeyedServices(ExamClock.Key)] TimeProvider clock)
    : PageModel
{
    public CertificateRecord Certificate { get; private set; } = null!;

    public CertificateStanding Standing { get; private set; } = null!;

    /// <summary>Display names of the accounts that acted on the certificate.</summary>
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public string? Reason { get; set; }

    public string? Message { get; private set; }

    public bool MayRevoke => User.IsInRole(Roles.SystemAdmin) && Certificate.Revocation is null;

    public string ActorName(string actor) => Actors.GetValueOrDefault(actor, actor);

    public async Task<IActionResult> OnGetAsync(string number) => await LoadAsync(number) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(string number) =>
        await files.FindAsync(number) is { } certificate
            ? File(files.Pdf(certificate), "application/pdf", CertificateFiles.FileName(certificate))
            : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(string number)
    {
        if (!User.IsInRole(Roles.SystemAdmin))
        {
            return Forbid();
        }

        if (!await LoadAsync(number))
        {
            return NotFound();
        }

        var result = await grains.GetGrain<ICertificateGrain>(Certificate.Number).RevokeAsync(Reason ?? string.Empty, User.Actor());
        if (result.Succeeded)
        {
            return RedirectToPage(new { number });
        }

        Message = string.Join(" ", result.Errors.Select(e => errors.For(e.Code)));
        return Page();
    }

    private async Task<bool> LoadAsync(string number)
    {
        if (await files.FindAsync(number) is not { } certificate)
        {
            return false;
        }

        Certificate = certificate;
        Standing = certificate.StandingOn(PolishDate.Of(clock.GetUtcNow()));
        var actors = new Dictionary<string, string>();
        foreach (var actor in certificate.Versions.Select(v => v.Actor).Append(certificate.Revocation?.Actor).OfType<string>().Distinct())
        {
            if (Guid.TryParse(actor, out var id) && await users.FindByIdAsync(id) is { } account)
            {
                actors[actor] = account.DisplayName;
            }
        }

        Actors = actors;
        return true;
    }
}
