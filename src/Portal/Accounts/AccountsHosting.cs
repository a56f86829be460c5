using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Certification.Portal.Accounts;

internal static class AccountsHosting
{
    public static void AddCertificationAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<SignInService>();
        builder.Services.AddSingleton<AccountAdministration>();
        builder.Services.AddSingleton<AccessCodes>();
        builder.Services.AddSingleton<IClaimsTransformation, CrmScopeClaims>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "cert.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request is: behind TLS the cookie never travels in clear,
                // while ./run.sh on http://127.0.0.1 still works.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.Events.OnValidatePrincipal = ValidateSecurityStampAsync;
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SystemAdmin, p => p.RequireRole(Roles.SystemAdmin))
            .AddPolicy(Policies.TrainingAdmin, p => p.RequireRole(Roles.TrainingAdmin))
            .AddPolicy(Policies.ExamOperator, p => p.RequireRole(Roles.ExamOperator))
            .AddPolicy(Policies.Assessor, p => p.RequireRole(Roles.Assessor))
            .AddPolicy(Policies.PartnerAdmin, p => p.RequireRole(Roles.PartnerAdmin).RequireClaim(PortalClaims.ClientId))
            .AddPolicy(Policies.Candidate, p => p.RequireRole(Roles.Candidate))
            // An account manager with no clients yet is still a reader: of nothing, until a client is assigned.
            .AddPolicy(Policies.CrmReader, p => p.RequireAssertion(c =>
                c.User.IsInRole(Roles.TrainingAdmin) || c.User.IsInRole(Roles.AccountManager) || CrmScope.For(c.User).ClientId is not null))
            .AddPolicy(Policies.CrmStaff, p => p.RequireRole(Roles.TrainingAdmin, Roles.AccountManager))
            .AddPolicy(Policies.AppealReviewer, p => p.RequireRole(Roles.Assessor, Roles.TrainingAdmin))
            .AddPolicy(Policies.MailReader, p => p.RequireRole(Roles.SystemAdmin, Roles.TrainingAdmin))
            .AddPolicy(Policies.CertificateOffice, p => p.RequireRole(Roles.SystemAdmin, Roles.TrainingAdmin))
            // Anything not explicitly opened to anonymous visitors needs a signed-in user.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>
    /// A cookie stays valid only while the account is enabled and its security stamp unchanged,
    /// so disabling a user or changing their roles takes effect on their next request; a sign-in by
    /// access code only while the code is in force and its sitting not closed.
    /// </summary>
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        var valid = Guid.TryParse(principal.FindFirstValue(PortalClaims.AccessCode), out var code)
            ? await services.GetRequiredService<AccessCodes>().IsInForceAsync(code)
            : Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) &&
              await services.GetRequiredService<UserStore>().FindByIdAsync(id) is { IsDisabled: false } account &&
              account.SecurityStamp.ToString() == principal.FindFirstValue(PortalClaims.SecurityStamp);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // API callers get a status code, not an HTML sign-in page.
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
