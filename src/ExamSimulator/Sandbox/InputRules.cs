using System.Text.RegularExpressions;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

/// <summary>The format rules of what people type into the sandbox; they match the rules of the platform's own CRM.</summary>
public static partial class InputRules
{
    public static IReadOnlyList<string> Voivodeships { get; } =
    [
        "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie", "mazowieckie", "opolskie",
        "podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie",
    ];

    /// <summary>Ten digits whose weighted sum modulo 11 is the last one; dashes and spaces are allowed when typing.</summary>
    public static bool IsValidNip(string nip)
    {
        if (!NipShape().IsMatch(nip))
        {
            return false;
        }

        var digits = PlText.Digits(nip);
        if (digits.Length != 10)
        {
            return false;
        }

        int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        var sum = weights.Select((w, i) => w * (digits[i] - '0')).Sum();
        return sum % 11 == digits[9] - '0';
    }

    public static bool IsValidPostalCode(string code) => PostalCode().IsMatch(code);

    public static bool IsValidEmail(string email) => Email().IsMatch(email) && email.Length <= 200;

    /// <summary>Nine digits, or eleven starting with the country code 48; spaces, dashes and brackets are allowed.</summary>
    public static bool IsValidPhone(string phone)
    {
        if (!PhoneShape().IsMatch(phone))
        {
            return false;
        }

        var digits = PlText.Digits(phone);
        return digits.Length == 9 || (digits.Length == 11 && digits.StartsWith("48", StringComparison.Ordinal));
    }

    /// <summary>The canonical name of a voivodeship typed in any case ("Wielkopolskie", "wielkopolskie").</summary>
    public static string? Voivodeship(string text) => Voivodeships.FirstOrDefault(v => PlText.SameKey(v, text));

    /// <summary>Trimmed text, or null when nothing was typed.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[0-9\- ]+$")]
    private static partial Regex NipShape();

    [GeneratedRegex(@"^\d{2}-\d{3}$")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneShape();
}
