using Microsoft.Extensions.Configuration;

namespace Certification.Common;

/// <summary>
/// Who we are to the outside: the name printed on documents and the public address that links in
/// e-mails and QR codes lead to. Read from <c>Institution:Name</c> and <c>Institution:PublicUrl</c>.
/// </summary>
public sealed record Institution(string Name, Uri PublicUrl)
{
    public const string DefaultName = "Ośrodek Certyfikacji i Szkoleń CRM";
    public static readonly Uri DefaultPublicUrl = new("http://127.0.0.1:5080/");

    public static Institution From(IConfiguration configuration)
    {
        var name = configuration["Institution:Name"];
        var url = configuration["Institution:PublicUrl"];
        if (url is not null && !Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Institution:PublicUrl '{url}' is not an absolute address such as https://szkolenia.example.pl/");
        }

        return new Institution(
            string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim(),
            url is null ? DefaultPublicUrl : new Uri(url.EndsWith('/') ? url : url + "/"));
    }

    public Uri Link(string path) => new(PublicUrl, path.TrimStart('/'));
}
