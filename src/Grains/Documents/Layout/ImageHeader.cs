using System.Buffers.Binary;

namespace Certification.Documents.Layout;

internal enum ImageFormat
{
    Png = 1,
    Jpeg = 2,
}

/// <summary>The format and pixel size of a picture, read from its header: layout needs the proportions before drawing.</summary>
internal sealed record ImageHeader(ImageFormat Format, int Width, int Height)
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageHeader Read(byte[] data)
    {
        if (data.AsSpan().StartsWith(PngSignature) && data.Length >= 26)
        {
            // The IHDR chunk always comes first: width, height and bit depth follow its length and type.
            if (data[24] < 8)
            {
                throw new ArgumentException(
                    $"The PNG image has {data[24]} bit(s) per channel; PdfPig reads only 8 or 16, so save it as an 8-bit PNG.", nameof(data));
            }

            return Checked(new ImageHeader(
                ImageFormat.Png, (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(20))));
        }

        if (data.Length > 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            return Checked(ReadJpeg(data));
        }

        throw new ArgumentException("An image must be a PNG or JPEG file.", nameof(data));
    }

    private static ImageHeader ReadJpeg(byte[] data)
    {
        var position = 2;
        while (position + 9 < data.Length)
        {
            if (data[position] != 0xFF)
            {
                break;
            }

            var marker = data[position + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 2));

            // Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC (arithmetic coding) share the range but do not.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return new ImageHeader(
                    ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 7)), BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(position + 5)));
            }

            position += 2 + length;
        }

        throw new ArgumentException("The JPEG image has no frame header with its size.", nameof(data));
    }

    private static ImageHeader Checked(ImageHeader header) =>
        header.Width > 0 && header.Height > 0 ? header : throw new ArgumentException("The image has no pixels.", nameof(header));
}
