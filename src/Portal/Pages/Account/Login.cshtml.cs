using Certification.Portal.Accounts;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Account;

public sealed class LoginModel(SignInService signIn, IStringLocalizer<SharedResource> text, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.SignInAsync(Email, Password);
        switch (result.Status)
        {
            case SignInStatus.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
                logger.LogInformation("User {Email} signed in", Email);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case SignInStatus.LockedOut:
                logger.LogWarning("Sign-in refused for {Email}: account locked until {LockedUntil}", Email, result.LockedUntil);
                Message = text["Zbyt wiele nieudanych prób. Konto jest zablokowane do {0}.", result.LockedUntil!.Value.InPoland().ToString("HH:mm")];
                break;
            default:
                logger.LogWarning("Failed sign-in for {Email}", Email);
                Message = text["Nieprawidłowy e-mail lub hasło."];
                break;
        }

        Password = string.Empty;
        return Page();
    }
}
