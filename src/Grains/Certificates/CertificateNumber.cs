using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Certification.Certificates;

/// <summary>
/// A certificate number as people read it: <c>CRM/2026/000123-K</c> — the qualification's prefix, the year of issue,
/// the sequence within that year, and a check character. The check character is a keyed hash (HMAC-SHA256 with the
/// institution's secret) of the rest, so knowing one number does not give the next: an outsider who counts through
/// the sequence must also guess one character in 32 (decision 0014).
/// </summary>
public sealed partial record CertificateNumber(string Prefix, int Year, int Sequence, char Check)
{
    /// <summary>
    /// Crockford's base-32 digits: no I, L, O or U, so nothing is misread as 1 or 0 (or spells a word). Read tolerantly:
    /// O is taken for 0, and I or L for 1, as the same alphabet prescribes.
    /// </summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The sequence printed with at least this many digits.</summary>
    public const int SequenceDigits = 6;

    /// <summary>The number without its check character, as the secret signs it: <c>CRM/2026/000123</c>.</summary>
    public string Body => string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{Year:D4}/{Sequence.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture)}");

    /// <summary>The number as printed: <c>CRM/2026/000123-K</c>.</summary>
    public override string ToString() => $"{Body}-{Check}";

    /// <summary>The number with dashes for slashes (<c>CRM-2026-000123-K</c>), for addresses and file names; <see cref="TryParse"/> reads it.</summary>
    public string Slug => ToString().Replace('/', '-');

    /// <summary>The number of a new certificate, its check character computed with the institution's secret.</summary>
    public static CertificateNumber Create(string prefix, int year, int sequence, ReadOnlySpan<byte> secret)
    {
        var body = new CertificateNumber(prefix, year, sequence, '0');
        return body with { Check = CheckCharacter(body.Body, secret) };
    }

    /// <summary>
    /// Reads a number as typed or scanned: any case, spaces anywhere, dashes instead of slashes, O for 0 and I or L
    /// for 1 in the check character. Says nothing about whether its check character is right: see <see cref="HasValidCheck"/>.
    /// </summary>
    public static bool TryParse(string? text, out CertificateNumber number)
    {
        number = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var match = Pattern().Match(compact);
        if (!match.Success ||
            !int.TryParse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(match.Groups["seq"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            return false;
        }

        var check = match.Groups["check"].Value[0] switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            var c => c,
        };
        if (!Alphabet.Contains(check, StringComparison.Ordinal))
        {
            return false;
        }

        number = new CertificateNumber(match.Groups["prefix"].Value, year, sequence, check);
        return true;
    }

    /// <summary>True when the check character is the one the institution's secret gives; a wrong one means no such certificate.</summary>
    public bool HasValidCheck(ReadOnlySpan<byte> secret)
    {
        var expected = CheckCharacter(Body, secret);

        // Compared in constant time, though a single character leaks little: the habit costs nothing.
        return CryptographicOperations.FixedTimeEquals([(byte)expected], [(byte)Check]);
    }

    /// <summary>The prefix of a qualification's numbers: its code up to the first dash (<c>CRM-PRK4</c> gives <c>CRM</c>).</summary>
    public static string PrefixOf(string qualificationCode)
    {
        var prefix = qualificationCode.Split('-', 2)[0].ToUpperInvariant();
        return PrefixPattern().IsMatch(prefix) ? prefix : throw new ArgumentException($"Qualification code '{qualificationCode}' gives no number prefix of 2–10 letters.", nameof(qualificationCode));
    }

    // 32 symbols and 256 values of a byte: the low five bits of the first byte are uniform, so no character is likelier.
    private static char CheckCharacter(string body, ReadOnlySpan<byte> secret)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(body), hash);
        return Alphabet[hash[0] & 31];
    }

    [GeneratedRegex("^(?<prefix>[A-Z]{2,10})[/-](?<year>[0-9]{4})[/-](?<seq>[0-9]{1,9})-(?<check>[0-9A-Z])$")]
    private static partial Regex Pattern();

    [GeneratedRegex("^[A-Z]{2,10}$")]
    private static partial Regex PrefixPattern();
}
