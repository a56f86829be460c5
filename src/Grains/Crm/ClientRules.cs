using Certification.Common;
using Certification.Domain;

namespace Certification.Crm;

/// <summary>
/// The rules a client's details must meet. Returns the details normalised (trimmed, identifiers
/// reduced to digits) so that what is stored and searched is always in one form.
/// </summary>
public static class ClientRules
{
    public const int MaxUnits = 200;

    public static (ClientDetails Normalized, List<FieldError> Errors) Check(ClientDetails details)
    {
        var errors = new List<FieldError>();
        var name = FieldRules.Text(errors, "Name", details.Name, 200) ?? string.Empty;
        if (!Enum.IsDefined(details.Kind))
        {
            errors.Add(new FieldError("Kind", ErrorCodes.Required));
        }

        // Every organisation we invoice has a NIP; REGON is optional but must be right when given.
        var nip = Nip.Check(details.Nip);
        if (!nip.IsValid)
        {
            errors.Add(new FieldError("Nip", nip.ErrorCode!));
        }

        var regon = string.IsNullOrWhiteSpace(details.Regon) ? new IdentifierCheck(null, null) : Regon.Check(details.Regon);
        if (!regon.IsValid)
        {
            errors.Add(new FieldError("Regon", regon.ErrorCode!));
        }

        // Details may come from the HTTP API, where a caller can leave out whole parts.
        var given = details.Address ?? new Address(null, null, null);
        var address = new Address(
            FieldRules.Text(errors, "Street", given.Street, 200),
            FieldRules.PostalCode(errors, "PostalCode", given.PostalCode),
            FieldRules.Text(errors, "City", given.City, 100));

        var units = new List<string>();
        foreach (var unit in details.Units ?? [])
        {
            var unitName = FieldRules.Text(errors, "Units", unit, 200, required: false);
            if (unitName is null)
            {
                continue;
            }

            if (units.Contains(unitName, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new FieldError("Units", ErrorCodes.UnitDuplicate));
            }
            else
            {
                units.Add(unitName);
            }
        }

        if (units.Count > MaxUnits)
        {
            errors.Add(new FieldError("Units", ErrorCodes.TooLong));
        }

        return (new ClientDetails(name, details.Kind, nip.Normalized, regon.Normalized, address, units), errors);
    }
}
