using System.Security.Claims;
using Certification.Portal.Accounts;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Profile;

/// <summary>
/// The user chooses their own password: by choice, or because the one they have was set by an
/// administrator (a starting password), in which case every page leads here until it is done.
/// </summary>
public sealed class PasswordModel(AccountAdministration accounts, ErrorText errors, ILogger<PasswordModel> logger) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Required => User.HasClaim(c => c.Type == PortalClaims.MustChangePassword);

    public bool Changed { get; private set; }

    public IActionResult OnGet() => HasPassword ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!HasPassword)
        {
            return NotFound();
        }

        var (account, problems) = await accounts.ChangeOwnPasswordAsync(
            Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), CurrentPassword, NewPassword, Confirmation);
        (CurrentPassword, NewPassword, Confirmation) = (null, null, null);
        if (account is null)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, errors.For(problem.Code));
            }

            return Page();
        }

        // The new security stamp ended every sign-in of this user, this one included: sign in again here.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInService.CreatePrincipal(account));
        logger.LogInformation("User {AccountId} changed their password", account.Id);
        if (Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        Changed = true;
        return Page();
    }

    // A candidate signed in with an access code has no password to change.
    private bool HasPassword => !User.HasClaim(c => c.Type == PortalClaims.AccessCode);
}
