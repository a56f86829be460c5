using System.Text;

namespace Certification.ExamSimulator.Text;

/// <summary>Comparisons of what a person typed with what was asked, independent of culture.</summary>
public static class PlText
{
    private const string Polish = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ";
    private const string Latin = "acelnoszzACELNOSZZ";

    /// <summary>The text without Polish diacritics, for e-mail addresses and web domains.</summary>
    public static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var index = Polish.IndexOf(c, StringComparison.Ordinal);
            builder.Append(index >= 0 ? Latin[index] : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The key two spellings of the same thing share: case, surrounding and repeated spaces, quotes and diacritics do
    /// not count ("Gmina  Kórnik" and "gmina kornik" are the same account).
    /// </summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in Ascii(text.Trim()))
        {
            if (c is '"' or '\'' or '„' or '”' or '“')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static bool SameKey(string? a, string? b) => Key(a) == Key(b);

    /// <summary>A voivodeship after "z województwa": "wielkopolskie" → "wielkopolskiego" (all sixteen names end in "-ie").</summary>
    public static string Genitive(string voivodeship) => voivodeship.EndsWith("ie", StringComparison.Ordinal) ? voivodeship[..^2] + "iego" : voivodeship;

    /// <summary>A voivodeship after "w województwie": "wielkopolskie" → "wielkopolskim".</summary>
    public static string Locative(string voivodeship) => voivodeship.EndsWith("ie", StringComparison.Ordinal) ? voivodeship[..^2] + "im" : voivodeship;

    /// <summary>Digits only: "+48 61 123 45 67" and "61-123-45-67" are the same phone once the country code is dropped.</summary>
    public static string Digits(string? text) => text is null ? "" : string.Concat(text.Where(char.IsAsciiDigit));

    public static bool SamePhone(string? a, string? b)
    {
        static string National(string digits) => digits.Length == 11 && digits.StartsWith("48", StringComparison.Ordinal) ? digits[2..] : digits;
        return National(Digits(a)) == National(Digits(b)) && Digits(a).Length > 0;
    }

    /// <summary>Reads an amount as people type it: "48 000", "48000,00", "48.000 zł", "48 000,50 zł".</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || c is ',' or '.' or '-')
            {
                cleaned.Append(c);
            }
        }

        var s = cleaned.ToString();
        var lastSeparator = s.LastIndexOfAny([',', '.']);
        // A separator followed by exactly three digits is a thousands separator ("48.000"), not decimals.
        if (lastSeparator >= 0 && s.Length - lastSeparator - 1 != 3)
        {
            s = s[..lastSeparator].Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal) + "." + s[(lastSeparator + 1)..];
        }
        else
        {
            s = s.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(s, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
