using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Certification.Portal.Localization;

internal static class LocalizationHosting
{
    public static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static void AddCertificationLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Polish);
            options.SupportedCultures = [Polish, English];
            options.SupportedUICultures = [Polish, English];
            // The user's explicit choice (a cookie) wins; the browser's language does not override Polish.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }
}
