namespace Certification.Portal.Crm;

/// <summary>A job change or a leaving as posted; the version is the person's, read when the form was shown.</summary>
public sealed class EmploymentForm
{
    public Guid? ClientId { get; set; }
    public string? Unit { get; set; }
    public string? Position { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? Until { get; set; }
    public int Version { get; set; }
}
