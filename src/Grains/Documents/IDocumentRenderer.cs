namespace Certification.Documents;

/// <summary>
/// Turns a <see cref="DocumentModel"/> into a printable file. Rendering is CPU work on immutable input:
/// call it off a grain's turn and store the result, rather than returning megabytes from a grain.
/// </summary>
public interface IDocumentRenderer
{
    /// <summary>The PDF of <paramref name="document"/>; the same model always gives the same bytes.</summary>
    byte[] Render(DocumentModel document);
}
