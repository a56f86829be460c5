using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Certification.Testing;

/// <summary>An HTTP client that behaves like a browser on forms: it keeps cookies and posts antiforgery tokens.</summary>
public static partial class PortalClient
{
    public static HttpClient Anonymous(this PortalHost host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public static async Task<HttpClient> SignedInAsync(this PortalHost host, string email, string password = PortalHost.Password)
    {
        var client = host.Anonymous();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>
    /// Opens the page that shows the form to get its antiforgery token, then posts the fields with it
    /// to <paramref name="action"/> (by default the page itself).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenField().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}");
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(fields));
    }

    /// <summary>As <see cref="PostFormAsync"/>, for forms that repeat a field (a group of checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostFormPairsAsync(
        this HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var token = TokenField().Match(await client.GetStringAsync(path));
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}");
        }

        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(
            [.. fields, new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
