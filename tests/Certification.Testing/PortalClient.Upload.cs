using System.Net;
using System.Net.Http.Headers;

namespace Certification.Testing;

public static partial class PortalClient
{
    /// <summary>
    /// Posts a multipart form with one file, as a browser uploads it: the antiforgery token is taken from the
    /// page at <paramref name="path"/> first, and the form goes to <paramref name="action"/> (by default the page itself).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFileAsync(
        this HttpClient client, string path, Dictionary<string, string> fields, string fileField, string fileName, byte[] content, string? action = null)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenField().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}");
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        return await client.PostAsync(action ?? path, form);
    }
}
