using Certification.Crm;

namespace Certification.Portal.Crm;

/// <summary>A note as posted. <see cref="At"/> is wall-clock time in Poland; <see cref="Id"/> was chosen when the form was shown.</summary>
public sealed class NoteForm
{
    public Guid Id { get; set; }
    public ContactNoteKind Kind { get; set; } = ContactNoteKind.Call;
    public DateTime? At { get; set; }
    public string? Text { get; set; }
}
