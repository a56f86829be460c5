using System.Security.Cryptography;

namespace Certification.Documents.Pdf;

/// <summary>
/// PdfPig writes two random GUIDs as the file identifier in the trailer, so the same document would never give
/// the same bytes twice. The PDF specification suggests a digest of the file's content instead; this puts one
/// in place, with the same length, so no offset in the cross-reference table moves.
/// </summary>
internal static class PdfFileIdentifier
{
    private const int HexLength = 32;

    public static byte[] MakeDeterministic(byte[] pdf)
    {
        var trailer = pdf.AsSpan().LastIndexOf("trailer"u8);
        var id = trailer < 0 ? -1 : pdf.AsSpan(trailer).IndexOf("/ID"u8);
        if (id < 0)
        {
            throw new InvalidOperationException("The PDF written by PdfPig has no file identifier in its trailer; its output format has changed.");
        }

        var digest = Convert.ToHexString(SHA256.HashData(pdf.AsSpan(0, trailer)).AsSpan(0, HexLength / 2));
        var position = trailer + id;
        for (var i = 0; i < 2; i++)
        {
            position = pdf.AsSpan(position).IndexOf((byte)'<') + position + 1;
            if (position <= 0 || position + HexLength >= pdf.Length || pdf[position + HexLength] != (byte)'>')
            {
                throw new InvalidOperationException("The file identifier in the PDF written by PdfPig is not two 16-byte hex strings; its output format has changed.");
            }

            for (var c = 0; c < HexLength; c++)
            {
                pdf[position + c] = (byte)digest[c];
            }
        }

        return pdf;
    }
}
