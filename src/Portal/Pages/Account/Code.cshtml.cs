using Certification.Portal.Accounts;
using Certification.Portal.Hosting;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Account;

/// <summary>A candidate without an account signs in to their sitting with the code from their slip.</summary>
[EnableRateLimiting(RateLimits.AccessCode)]
public sealed class CodeModel(AccessCodes codes, IStringLocalizer<SharedResource> text, ILogger<CodeModel> logger) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccessCodes.Normalize(Code).Length == 0)
        {
            Message = text["Wpisz kod dostępu z kartki otrzymanej od operatora."];
            return Page();
        }

        var result = await codes.SignInAsync(Code);
        if (result.Status == AccessCodeStatus.Succeeded)
        {
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
            var session = result.Principal!.FindFirst(PortalClaims.SessionId)!.Value;
            logger.LogInformation("Candidate signed in with an access code to session {Session}", session);
            return LocalRedirect($"/Candidate/Test/{session}");
        }

        logger.LogWarning("Access code refused: {Status}", result.Status);
        Message = result.Status switch
        {
            AccessCodeStatus.SessionClosed => text["Sesja egzaminacyjna tego kodu jest już zamknięta."],
            AccessCodeStatus.TestSubmitted => text["Test z tym kodem został już zakończony. Kod nie jest już ważny."],
            _ => text["Nieprawidłowy kod dostępu. Sprawdź kod na kartce lub poproś operatora o nowy."],
        };
        Code = string.Empty;
        return Page();
    }
}
