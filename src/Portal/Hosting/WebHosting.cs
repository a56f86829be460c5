using System.Text.Encodings.Web;
using System.Text.Unicode;
using Certification.Portal.Accounts;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Certification.Portal.Hosting;

internal static class WebHosting
{
    public static void AddCertificationPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.SystemAdmin);
                // Each CRM page is the office's, unless it is one of those opened to account managers (who reach only
                // their own clients on them): a page added later stays closed to them until it is listed there.
                options.Conventions.AddFolderApplicationModelConvention("/Crm", page => page.EndpointMetadata.Add(new AuthorizeAttribute(
                    CrmScope.AccountManagerPages.Contains(page.ViewEnginePath) ? Policies.CrmStaff : Policies.TrainingAdmin)));
                options.Conventions.AuthorizeFolder("/Partner", Policies.PartnerAdmin);
                options.Conventions.AuthorizeFolder("/Exams", Policies.TrainingAdmin);
                options.Conventions.AuthorizeFolder("/Items", Policies.TrainingAdmin);
                options.Conventions.AuthorizeFolder("/Training", Policies.TrainingAdmin);
                options.Conventions.AuthorizeFolder("/Qualifications", Policies.TrainingAdmin);
                options.Conventions.AuthorizeFolder("/Mail", Policies.MailReader);
                options.Conventions.AuthorizeFolder("/ExamOperator", Policies.ExamOperator);
                options.Conventions.AuthorizeFolder("/Candidate", Policies.Candidate);
                options.Conventions.AuthorizeFolder("/Assessor", Policies.Assessor);
                options.Conventions.AuthorizeFolder("/Review", Policies.AppealReviewer);
                options.Conventions.AllowAnonymousToFolder("/Account");
                options.Conventions.AuthorizeFolder("/Certificates/Admin", Policies.CertificateOffice);
                // Participation certificates are public pages found by their secret code; certificates of the qualification
                // are the holder's and the office's (each page checks which), their public face being /verify.
                options.Conventions.AllowAnonymousToFolder("/Certificates/Training");
                options.Conventions.AllowAnonymousToFolder("/Verify");
                options.Conventions.AllowAnonymousToFolder("/Visitors");
            })
            .AddViewLocalization()
            // Required fields are the domain's rules, with Polish messages; the framework's implicit [Required] on
            // non-nullable strings would add English ones beside them.
            .AddMvcOptions(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>(ModelBindingMessages.Localize);
        builder.Services.AddScoped<ErrorText>();
        builder.Services.AddScoped<RefusalText>();
        builder.Services.AddScoped<Crm.ImportText>();
        builder.Services.AddScoped<Crm.CustomFieldForms>();

        // Polish letters are written as they are, not as &#x142; entities: pages stay readable and smaller.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "cert.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddProblemDetails();

        builder.Services.AddRateLimiter(options => RateLimits.Add(options, builder.Configuration));
    }

    public static void UseCertificationPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.Use(static (context, next) =>
        {
            // Pages carry personal data: no framing by other sites, no MIME sniffing, no referrer leaks.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
        app.UseStaticFiles();

        // Browser libraries come from npm (package.json beside the portal) and are served as they are installed.
        ServeLibrary(app, "/lib/signalr", "@microsoft", "signalr", "dist", "browser");
        ServeLibrary(app, "/lib/chartjs", "chart.js", "dist");
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.Use(static (context, next) => StartingPasswordGate(context, next));
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    private static void ServeLibrary(WebApplication app, string requestPath, params string[] underNodeModules)
    {
        var directory = Path.Combine([app.Environment.ContentRootPath, "node_modules", .. underNodeModules]);
        if (Directory.Exists(directory))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(directory), RequestPath = requestPath });
        }
    }

    /// <summary>
    /// A user still holding a starting password reaches nothing but the page that replaces it (and
    /// signing out): the administrator who chose it must not be able to act as them.
    /// </summary>
    private static Task StartingPasswordGate(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (!context.User.HasClaim(c => c.Type == PortalClaims.MustChangePassword) ||
            path.StartsWithSegments("/Profile/Password") || path.StartsWithSegments("/Account"))
        {
            return next(context);
        }

        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect("/Profile/Password?returnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
        return Task.CompletedTask;
    }
}
