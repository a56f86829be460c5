namespace Certification.Common;

/// <summary>Codes of broken rules shared by several commands; identifier codes live with their validators.</summary>
public static class ErrorCodes
{
    public const string Required = "required";
    public const string TooLong = "too_long";
    public const string EmailFormat = "email.format";
    public const string PhoneFormat = "phone.format";
    public const string PostalCodeFormat = "postal_code.format";
    public const string VersionConflict = "version.conflict";
    public const string NotFound = "not_found";
    public const string AlreadyExists = "already_exists";
    public const string NipTaken = "nip.taken";
    public const string UnknownClient = "client.unknown";
    public const string UnitDuplicate = "unit.duplicate";
}
