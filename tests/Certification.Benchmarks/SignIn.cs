using System.Net;
using System.Text.RegularExpressions;

namespace Certification.Benchmarks;

/// <summary>Signs every candidate in through the login form (not measured: the password check is slow on purpose).</summary>
internal static partial class SignIn
{
    private const int Parallelism = 8;

    public static async Task<IReadOnlyList<CookieContainer>> RunAsync(Uri portal, IReadOnlyList<string> emails, string password)
    {
        // One handler for every candidate; cookies are carried by hand so they stay per candidate.
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = Parallelism * 2 };
        using var http = new HttpClient(handler) { BaseAddress = portal, Timeout = TimeSpan.FromMinutes(2) };
        var containers = new CookieContainer[emails.Count];
        var done = 0;
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, emails.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (i, _) =>
            {
                containers[i] = await SignInAsync(http, portal, emails[i], password);
                var count = Interlocked.Increment(ref done);
                if (count % 200 == 0 || count == emails.Count)
                {
                    Console.WriteLine($"sign-in: {count}/{emails.Count} ({(DateTime.UtcNow - started).TotalSeconds:F0} s)");
                }
            });
        return containers;
    }

    private static async Task<CookieContainer> SignInAsync(HttpClient http, Uri portal, string email, string password)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var page = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        Collect(page, cookies);
        var token = TokenField().Match(await page.Content.ReadAsStringAsync());
        if (!token.Success)
        {
            throw new InvalidOperationException("No antiforgery token on /Account/Login");
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        using var response = await http.SendAsync(post);
        Collect(response, cookies);
        if (response.StatusCode != HttpStatusCode.Redirect || !cookies.TryGetValue("cert.auth", out var auth))
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
        }

        var container = new CookieContainer();
        container.Add(portal, new Cookie("cert.auth", auth));
        return container;
    }

    private static void Collect(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                cookies[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
