using Certification.Common;
using Certification.Domain;

namespace Certification.Crm;

/// <summary>The rules a person's details must meet; returns them normalised.</summary>
public static class PersonRules
{
    public static (PersonDetails Normalized, List<FieldError> Errors) Check(PersonDetails details)
    {
        var errors = new List<FieldError>();
        var firstName = FieldRules.Text(errors, "FirstName", details.FirstName, 100) ?? string.Empty;
        var lastName = FieldRules.Text(errors, "LastName", details.LastName, 100) ?? string.Empty;
        var email = FieldRules.Email(errors, "Email", details.Email, required: false);
        var phone = FieldRules.Phone(errors, "Phone", details.Phone);

        // PESEL is optional (not everyone we train gives it) but must be a real one when given.
        string? pesel = null;
        if (!string.IsNullOrWhiteSpace(details.Pesel))
        {
            var check = Pesel.Check(details.Pesel);
            if (check.IsValid)
            {
                pesel = check.Normalized;
            }
            else
            {
                errors.Add(new FieldError("Pesel", check.ErrorCode!));
            }
        }

        var unit = FieldRules.Text(errors, "Unit", details.Unit, 200, required: false);
        var position = FieldRules.Text(errors, "Position", details.Position, 200, required: false);
        var clientId = details.ClientId == Guid.Empty ? null : details.ClientId;
        return (new PersonDetails(firstName, lastName, email, phone, pesel, clientId, unit, position), errors);
    }
}
