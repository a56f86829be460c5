namespace Certification.Domain;

/// <summary>
/// The outcome of checking an identifier: the normalised digits when valid, otherwise an error code.
/// </summary>
/// <remarks>
/// Error codes rather than messages are returned so that the domain stays language-neutral;
/// <see cref="PolishIdentifierMessages"/> turns them into text for the portal.
/// </remarks>
public readonly record struct IdentifierCheck(string? Normalized, string? ErrorCode)
{
    public bool IsValid => ErrorCode is null;

    internal static IdentifierCheck Valid(string normalized) => new(normalized, null);

    internal static IdentifierCheck Invalid(string errorCode) => new(null, errorCode);
}

/// <summary>NIP (Numer Identyfikacji Podatkowej), the Polish tax identification number.</summary>
public static class Nip
{
    private const string EmptyCode = "nip.empty";
    private const string FormatCode = "nip.format";
    private const string ChecksumCode = "nip.checksum";

    private static ReadOnlySpan<int> Weights => [6, 5, 7, 2, 3, 4, 5, 6, 7];

    public static IdentifierCheck Check(string? input)
    {
        var compact = IdentifierDigits.Compact(input);
        if (compact.Length == 0)
        {
            return IdentifierCheck.Invalid(EmptyCode);
        }

        // EU VAT numbers are written with the country prefix (PL8567346215) and people paste them as such.
        if (compact.StartsWith("PL", StringComparison.OrdinalIgnoreCase))
        {
            compact = compact[2..];
        }

        if (compact.Length != 10 || !IdentifierDigits.AreAllDigits(compact))
        {
            return IdentifierCheck.Invalid(FormatCode);
        }

        // A remainder of 10 cannot be written as one digit, so such a number is never issued:
        // comparing it with the single check digit rejects it without a special case.
        var remainder = IdentifierDigits.WeightedSum(compact, Weights) % 11;
        return remainder == IdentifierDigits.DigitAt(compact, 9)
            ? IdentifierCheck.Valid(compact)
            : IdentifierCheck.Invalid(ChecksumCode);
    }
}

/// <summary>REGON, the Polish statistical business register number: 9 digits, or 14 for a local unit.</summary>
public static class Regon
{
    private const string EmptyCode = "regon.empty";
    private const string FormatCode = "regon.format";
    private const string ChecksumCode = "regon.checksum";

    private static ReadOnlySpan<int> Weights9 => [8, 9, 2, 3, 4, 5, 6, 7];

    // The weight 0 on digit 5 is part of the official algorithm; that digit is still protected
    // because the first nine digits must form a valid REGON-9 of their own.
    private static ReadOnlySpan<int> Weights14 => [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

    public static IdentifierCheck Check(string? input)
    {
        var compact = IdentifierDigits.Compact(input);
        if (compact.Length == 0)
        {
            return IdentifierCheck.Invalid(EmptyCode);
        }

        if (compact.Length is not (9 or 14) || !IdentifierDigits.AreAllDigits(compact))
        {
            return IdentifierCheck.Invalid(FormatCode);
        }

        // A 14-digit REGON is the parent unit's REGON-9 followed by a local-unit suffix.
        var valid = HasValidCheckDigit(compact[..9], Weights9)
            && (compact.Length == 9 || HasValidCheckDigit(compact, Weights14));
        return valid ? IdentifierCheck.Valid(compact) : IdentifierCheck.Invalid(ChecksumCode);
    }

    // The remainder 10 is folded to 0 by the official algorithm, unlike NIP where it is invalid.
    private static bool HasValidCheckDigit(string digits, ReadOnlySpan<int> weights) =>
        IdentifierDigits.WeightedSum(digits, weights) % 11 % 10 == IdentifierDigits.DigitAt(digits, weights.Length);
}

/// <summary>PESEL, the Polish national identification number of a person.</summary>
public static class Pesel
{
    private const string EmptyCode = "pesel.empty";
    private const string FormatCode = "pesel.format";
    private const string DateCode = "pesel.date";
    private const string ChecksumCode = "pesel.checksum";

    private static ReadOnlySpan<int> Weights => [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    public static IdentifierCheck Check(string? input)
    {
        var compact = IdentifierDigits.Compact(input);
        if (compact.Length == 0)
        {
            return IdentifierCheck.Invalid(EmptyCode);
        }

        if (compact.Length != 11 || !IdentifierDigits.AreAllDigits(compact))
        {
            return IdentifierCheck.Invalid(FormatCode);
        }

        // The checksum comes before the date: a mistyped digit is far more often a checksum failure,
        // and reporting "non-existent date" for a typo would send the user looking in the wrong place.
        var expected = (10 - IdentifierDigits.WeightedSum(compact, Weights) % 10) % 10;
        if (expected != IdentifierDigits.DigitAt(compact, 10))
        {
            return IdentifierCheck.Invalid(ChecksumCode);
        }

        return DecodeBirthDate(compact) is null
            ? IdentifierCheck.Invalid(DateCode)
            : IdentifierCheck.Valid(compact);
    }

    /// <summary>The birth date encoded in a valid PESEL; null when the PESEL is not valid.</summary>
    public static DateOnly? BirthDate(string pesel)
    {
        var check = Check(pesel);
        return check.Normalized is { } normalized ? DecodeBirthDate(normalized) : null;
    }

    private static DateOnly? DecodeBirthDate(string digits)
    {
        var year = (IdentifierDigits.DigitAt(digits, 0) * 10) + IdentifierDigits.DigitAt(digits, 1);
        var encodedMonth = (IdentifierDigits.DigitAt(digits, 2) * 10) + IdentifierDigits.DigitAt(digits, 3);
        var day = (IdentifierDigits.DigitAt(digits, 4) * 10) + IdentifierDigits.DigitAt(digits, 5);

        // Only two year digits are stored, so the century is carried in the month as an offset of 20 per century
        // (01–12 → 1900s, 21–32 → 2000s, 41–52 → 2100s, 61–72 → 2200s, 81–92 → 1800s).
        var century = (encodedMonth / 20) switch
        {
            0 => 1900,
            1 => 2000,
            2 => 2100,
            3 => 2200,
            _ => 1800,
        };
        year += century;
        var month = encodedMonth % 20;

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }
}

/// <summary>User-facing texts for the error codes in <see cref="IdentifierCheck.ErrorCode"/>.</summary>
public static class PolishIdentifierMessages
{
    public static string Polish(string errorCode) => errorCode switch
    {
        "nip.empty" => "Podaj NIP.",
        "nip.format" => "NIP musi mieć 10 cyfr (myślniki i spacje są dozwolone, np. 856-734-62-15).",
        "nip.checksum" => "NIP jest nieprawidłowy: cyfra kontrolna się nie zgadza. Sprawdź, czy nie ma literówki.",
        "regon.empty" => "Podaj REGON.",
        "regon.format" => "REGON musi mieć 9 lub 14 cyfr (myślniki i spacje są dozwolone, np. 123-456-785).",
        "regon.checksum" => "REGON jest nieprawidłowy: cyfra kontrolna się nie zgadza. Sprawdź, czy nie ma literówki.",
        "pesel.empty" => "Podaj PESEL.",
        "pesel.format" => "PESEL musi mieć 11 cyfr.",
        "pesel.date" => "PESEL zawiera nieistniejącą datę urodzenia.",
        "pesel.checksum" => "PESEL jest nieprawidłowy: cyfra kontrolna się nie zgadza. Sprawdź, czy nie ma literówki.",
        _ => throw UnknownCode(errorCode),
    };

    public static string English(string errorCode) => errorCode switch
    {
        "nip.empty" => "Enter the NIP (tax identification number).",
        "nip.format" => "The NIP must have 10 digits (hyphens and spaces are allowed, e.g. 856-734-62-15).",
        "nip.checksum" => "The NIP is invalid: the check digit does not match. Please check for a typo.",
        "regon.empty" => "Enter the REGON number.",
        "regon.format" => "The REGON must have 9 or 14 digits (hyphens and spaces are allowed, e.g. 123-456-785).",
        "regon.checksum" => "The REGON is invalid: the check digit does not match. Please check for a typo.",
        "pesel.empty" => "Enter the PESEL number.",
        "pesel.format" => "The PESEL must have 11 digits.",
        "pesel.date" => "The PESEL contains a birth date that does not exist.",
        "pesel.checksum" => "The PESEL is invalid: the check digit does not match. Please check for a typo.",
        _ => throw UnknownCode(errorCode),
    };

    // A missing text is a programming error (a new code without a translation), not something to show the user.
    private static ArgumentOutOfRangeException UnknownCode(string errorCode) =>
        new(nameof(errorCode), errorCode, "Unknown Polish identifier error code.");
}

internal static class IdentifierDigits
{
    // Identifiers are printed with hyphens or spaces (856-734-62-15) and pasted that way, so these separators
    // are dropped before validation; anything else left over is a format error.
    public static string Compact(string? input) =>
        input is null
            ? string.Empty
            : input.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    // ASCII only: char.IsDigit would let through Arabic-Indic and other Unicode digits.
    public static bool AreAllDigits(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static int DigitAt(string digits, int index) => digits[index] - '0';

    public static int WeightedSum(string digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * DigitAt(digits, i);
        }

        return sum;
    }
}
