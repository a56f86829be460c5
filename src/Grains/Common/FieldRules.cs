using System.Text.RegularExpressions;

namespace Certification.Common;

/// <summary>Small checks that several domain types share; each appends what it finds to a list of errors.</summary>
public static partial class FieldRules
{
    public static string? Text(List<FieldError> errors, string field, string? value, int maxLength, bool required = true)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null)
        {
            if (required)
            {
                errors.Add(new FieldError(field, ErrorCodes.Required));
            }
        }
        else if (trimmed.Length > maxLength)
        {
            errors.Add(new FieldError(field, ErrorCodes.TooLong));
        }

        return trimmed;
    }

    public static string? Email(List<FieldError> errors, string field, string? value, bool required)
    {
        var email = Text(errors, field, value, 254, required);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add(new FieldError(field, ErrorCodes.EmailFormat));
        }

        return email?.ToLowerInvariant();
    }

    public static string? Phone(List<FieldError> errors, string field, string? value)
    {
        var phone = Text(errors, field, value, 30, required: false);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors.Add(new FieldError(field, ErrorCodes.PhoneFormat));
        }

        return phone;
    }

    public static string? PostalCode(List<FieldError> errors, string field, string? value)
    {
        var code = Text(errors, field, value, 6);
        if (code is not null && !PostalCodePattern().IsMatch(code))
        {
            errors.Add(new FieldError(field, ErrorCodes.PostalCodeFormat));
        }

        return code;
    }

    // Deliberately loose: one @, a dot in the domain, no spaces. Deliverability is proven by sending, not by a regex.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    // Polish numbers are written in many ways (+48 61 123 45 67, 612-345-678); at least 9 digits in all.
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{7,}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{2}-\d{3}$")]
    private static partial Regex PostalCodePattern();
}
