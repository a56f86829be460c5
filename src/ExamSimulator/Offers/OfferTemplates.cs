using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace Certification.ExamSimulator.Offers;

/// <summary>
/// Offer templates in Liquid (Fluid), kept safe for text typed by a candidate: no file access (include and render are
/// refused and there is no file provider), a step and recursion limit, a size limit, only the tags of
/// <see cref="OfferTags"/>, and values given as plain dictionaries so no .NET member is reachable from a template.
/// </summary>
public static partial class OfferTemplates
{
    public const int MaxBodyLength = 10_000;
    public const int MaxOutputLength = 50_000;

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new()
    {
        FileProvider = new NullFileProvider(),
        MaxSteps = 20_000,
        MaxRecursion = 10,
        CultureInfo = CultureInfo.InvariantCulture,
        TimeZone = TimeZoneInfo.Utc,
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "for", "in", "endfor", "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "assign", "capture",
        "endcapture", "and", "or", "contains", "true", "false", "nil", "null", "empty", "blank", "limit", "offset", "reversed", "cycle",
        "break", "continue", "comment", "endcomment", "raw", "endraw", "increment", "decrement", "echo", "tablerow", "endtablerow", "cols",
        "with", "forloop", "tablerowloop", "now", "today",
    };

    private static readonly HashSet<string> ListMembers = new(StringComparer.Ordinal) { "size", "first", "last" };

    /// <summary>The reasons the template cannot be used; none when it parses, uses only known tags and renders on sample data.</summary>
    public static IReadOnlyList<CommandError> Validate(string body)
    {
        if (body.Length > MaxBodyLength)
        {
            return [Refusals.TooLong("body", FieldLabels.TemplateBody, MaxBodyLength)];
        }

        if (IncludeTag().IsMatch(body))
        {
            return [Refusals.TemplateInclude()];
        }

        if (!Parser.TryParse(body, out var template, out var error))
        {
            return [Refusals.TemplateSyntax(error)];
        }

        var unknown = UnknownTags(body);
        if (unknown.Count > 0)
        {
            return [.. unknown.Select(Refusals.TemplateUnknownTag)];
        }

        var (_, renderError) = Render(template, SampleModel(), DateTimeOffset.UnixEpoch);
        return renderError is null ? [] : [Refusals.TemplateRender(renderError)];
    }

    /// <summary>The catalogue tags the template uses, in the order they first appear ("klient.nazwa", "pozycje.nazwa").</summary>
    public static IReadOnlyList<string> UsedTags(string body)
    {
        var used = new List<string>();
        foreach (var (path, loopOver) in Paths(body))
        {
            var tag = loopOver is null ? path : loopOver + "." + path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..];
            if ((OfferTags.IsKnown(tag) || (loopOver is not null && OfferTags.IsLineMember(tag[(loopOver.Length + 1)..]))) && !used.Contains(tag))
            {
                used.Add(tag);
            }
        }

        return used;
    }

    /// <summary>Fills a template already validated; the error is in Polish when it cannot be filled.</summary>
    public static (string Text, string? Error) Render(string body, IReadOnlyDictionary<string, object?> model, DateTimeOffset now)
    {
        if (!Parser.TryParse(body, out var template, out var error))
        {
            return ("", error);
        }

        return Render(template, model, now);
    }

    private static (string Text, string? Error) Render(IFluidTemplate template, IReadOnlyDictionary<string, object?> model, DateTimeOffset now)
    {
        var context = new TemplateContext(Options) { Now = () => now };
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        try
        {
            var text = template.Render(context, NullEncoder.Default);
            return text.Length > MaxOutputLength ? ("", $"oferta byłaby dłuższa niż {PlFormat.Count(MaxOutputLength)} znaków.") : (text, null);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException or FormatException or ArgumentException)
        {
            return ("", "szablon wykonuje zbyt wiele kroków lub zawiera niedozwoloną operację.");
        }
    }

    private static List<string> UnknownTags(string body)
    {
        var unknown = new List<string>();
        foreach (var (path, loopOver) in Paths(body))
        {
            bool known;
            if (loopOver is not null)
            {
                var member = path.Contains('.', StringComparison.Ordinal) ? path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..] : null;
                known = member is null || (loopOver == OfferTags.LinesRoot ? OfferTags.IsLineMember(member) : true);
            }
            else
            {
                var lastDot = path.LastIndexOf('.');
                known = OfferTags.IsKnown(path)
                    || (lastDot > 0 && ListMembers.Contains(path[(lastDot + 1)..]) && path[..lastDot] == OfferTags.LinesRoot);
            }

            if (!known && !unknown.Contains(path))
            {
                unknown.Add(path);
            }
        }

        return unknown;
    }

    /// <summary>
    /// Every variable path inside <c>{{ }}</c> and <c>{% %}</c>, with the list it iterates when its root is a loop
    /// variable or an assigned name (then <c>loopOver</c> is that list, or "" for an assigned value).
    /// </summary>
    private static IEnumerable<(string Path, string? LoopOver)> Paths(string body)
    {
        var locals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match block in Block().Matches(body))
        {
            var code = StringLiteral().Replace(block.Groups["code"].Value, " ");
            var loop = ForLoop().Match(code);
            if (loop.Success)
            {
                locals[loop.Groups["var"].Value] = loop.Groups["list"].Value;
            }

            var assigned = Assign().Match(code);
            if (assigned.Success)
            {
                locals[assigned.Groups["var"].Value] = "";
            }

            var previous = "";
            foreach (Match token in Token().Matches(code))
            {
                var path = token.Value;
                var afterPipe = previous == "|";
                previous = path;
                if (afterPipe || Keywords.Contains(path) || (loop.Success && path == loop.Groups["var"].Value) || (assigned.Success && path == assigned.Groups["var"].Value))
                {
                    continue;
                }

                if (path == "|")
                {
                    continue;
                }

                var root = path.Split('.')[0];
                if (Keywords.Contains(root))
                {
                    continue;
                }

                yield return locals.TryGetValue(root, out var over) ? (path, over) : (path, null);
            }
        }
    }

    /// <summary>The data of one offer for its template, as nested dictionaries of formatted text.</summary>
    public static IReadOnlyDictionary<string, object?> Model(Offer offer, Opportunity? opportunity, string? stageName, int validDays)
    {
        var seller = offer.Seller;
        var recipient = offer.Recipient;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sprzedawca"] = new Dictionary<string, object?>
            {
                ["nazwa"] = seller.Name, ["nip"] = seller.Nip, ["adres"] = $"{seller.Street}, {seller.PostalCode} {seller.City}",
                ["telefon"] = seller.Phone, ["email"] = seller.Email, ["www"] = seller.Website,
            },
            ["klient"] = new Dictionary<string, object?>
            {
                ["nazwa"] = recipient.AccountName, ["nip"] = recipient.Nip ?? "", ["adres"] = recipient.Street ?? "",
                ["kod_pocztowy"] = recipient.PostalCode ?? "", ["miejscowosc"] = recipient.City ?? "", ["branza"] = recipient.Industry ?? "",
            },
            ["kontakt"] = new Dictionary<string, object?>
            {
                ["imie"] = recipient.FirstName, ["nazwisko"] = recipient.LastName, ["imie_nazwisko"] = $"{recipient.FirstName} {recipient.LastName}",
                ["stanowisko"] = recipient.Position ?? "", ["email"] = recipient.Email ?? "", ["telefon"] = recipient.Phone ?? "",
            },
            ["szansa"] = new Dictionary<string, object?>
            {
                ["nazwa"] = opportunity?.Details.Name ?? "", ["wartosc"] = opportunity is null ? "" : PlFormat.Money(opportunity.Details.Value),
                ["etap"] = stageName ?? "",
            },
            ["oferta"] = new Dictionary<string, object?>
            {
                ["numer"] = offer.Number, ["data"] = PlFormat.Date(offer.IssuedOn), ["wazna_do"] = PlFormat.Date(offer.ValidUntil),
                ["dni_waznosci"] = PlFormat.Count(validDays), ["suma_netto"] = PlFormat.Money(offer.TotalNet),
                ["suma_vat"] = PlFormat.Money(offer.TotalVat), ["suma_brutto"] = PlFormat.Money(offer.TotalGross),
                ["liczba_pozycji"] = PlFormat.Count(offer.Lines.Count),
            },
            [OfferTags.LinesRoot] = offer.Lines.Select(l => (object)new Dictionary<string, object?>
            {
                ["kod"] = l.Code, ["nazwa"] = l.Name, ["ilosc"] = PlFormat.Plain(l.Quantity), ["jednostka"] = l.Unit,
                ["cena"] = PlFormat.Money(l.UnitPrice), ["rabat"] = PlFormat.Plain(l.DiscountPercent) + "%", ["netto"] = PlFormat.Money(l.Net),
                ["stawka_vat"] = PlFormat.Count(l.VatRate) + "%", ["vat"] = PlFormat.Money(l.Vat), ["brutto"] = PlFormat.Money(l.Gross),
            }).ToList(),
        };
    }

    private static IReadOnlyDictionary<string, object?> SampleModel()
    {
        var seller = new Seller("Sprzedawca sp. z o.o.", "0000000000", "ul. Przykładowa 1", "00-001", "Warszawa", "+48 22 000 00 00", "biuro@example.pl", "www.example.pl");
        var line = new OfferLine("p", "P-1", "Produkt", "szt.", 1, 100, 0, 100, 23, 23, 123);
        var offer = new Offer("o", "OF/2026/01/001", "t", "Szablon", null, seller,
            new OfferRecipient("a", "Klient sp. z o.o.", "0000000000", "ul. Długa 2", "00-002", "Kraków", "Handel", "c", "Jan", "Kowalski", "Prezes", "jan@example.pl", "600 000 000"),
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), "", [line], 100, 23, 123, default, "", null, null);
        return Model(offer, null, null, 30);
    }

    [GeneratedRegex(@"\{%-?\s*(include|render)\b")]
    private static partial Regex IncludeTag();

    [GeneratedRegex(@"\{\{-?(?<code>.*?)-?\}\}|\{%-?(?<code>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^\s*for\s+(?<var>[A-Za-z_][A-Za-z0-9_]*)\s+in\s+(?<list>\S+)")]
    private static partial Regex ForLoop();

    [GeneratedRegex(@"^\s*(assign|capture)\s+(?<var>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Assign();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*|\|")]
    private static partial Regex Token();
}
