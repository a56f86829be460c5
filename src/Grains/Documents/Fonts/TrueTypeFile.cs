using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Certification.Documents.Fonts;

/// <summary>
/// The table directory and glyph outlines of a TrueType file, enough to write a copy in which unused glyphs are
/// empty. Glyph numbers stay the same, so the character map and metrics of the original remain valid.
/// </summary>
internal sealed class TrueTypeFile
{
    // What PdfPig reads to embed and subset a font; kerning, OpenType layout and glyph names it never uses.
    private static readonly string[] KeptTables = ["OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    private const int HeadIndexToLocFormat = 50;
    private const int HeadCheckSumAdjustment = 8;
    private const int PostVersion3Length = 32;

    private const ushort ArgumentsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXAndYScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;

    private readonly byte[] _bytes;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly int[] _glyphStarts;

    public TrueTypeFile(byte[] bytes)
    {
        _bytes = bytes;
        int tableCount = ReadUInt16(4);
        for (var i = 0; i < tableCount; i++)
        {
            var entry = 12 + (16 * i);
            var tag = Encoding.ASCII.GetString(bytes, entry, 4);
            _tables[tag] = ((int)ReadUInt32(entry + 8), (int)ReadUInt32(entry + 12));
        }

        int glyphCount = ReadUInt16(Table("maxp").Offset + 4);
        var longOffsets = ReadUInt16(Table("head").Offset + HeadIndexToLocFormat) == 1;
        var loca = Table("loca").Offset;
        _glyphStarts = new int[glyphCount + 1];
        for (var g = 0; g <= glyphCount; g++)
        {
            _glyphStarts[g] = longOffsets ? (int)ReadUInt32(loca + (4 * g)) : 2 * ReadUInt16(loca + (2 * g));
        }
    }

    public byte[] KeepingGlyphs(IEnumerable<int> glyphs)
    {
        var kept = WithComponents(glyphs.Append(0));
        var glyphCount = _glyphStarts.Length - 1;
        var glyf = Table("glyf").Offset;
        var outlines = new MemoryStream();
        var locations = new byte[4 * (glyphCount + 1)];
        for (var g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(locations.AsSpan(4 * g), (uint)outlines.Length);
            if (kept.Contains(g))
            {
                outlines.Write(_bytes, glyf + _glyphStarts[g], _glyphStarts[g + 1] - _glyphStarts[g]);
                PadToFour(outlines);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(locations.AsSpan(4 * glyphCount), (uint)outlines.Length);

        var head = Copy("head");
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(HeadIndexToLocFormat), 1);
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(HeadCheckSumAdjustment), 0);

        // Version 3 of 'post' is its fixed header without glyph names.
        var post = _bytes.AsSpan(Table("post").Offset, PostVersion3Length).ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);

        var tables = KeptTables
            .Where(_tables.ContainsKey)
            .Select(tag => (tag, tag switch
            {
                "glyf" => outlines.ToArray(),
                "loca" => locations,
                "head" => head,
                "post" => post,
                _ => Copy(tag),
            }))
            .ToList();
        return Write(tables);
    }

    private HashSet<int> WithComponents(IEnumerable<int> glyphs)
    {
        var kept = new HashSet<int>();
        var pending = new Stack<int>(glyphs);
        var glyf = Table("glyf").Offset;
        while (pending.TryPop(out var glyph))
        {
            if (!kept.Add(glyph) || _glyphStarts[glyph] == _glyphStarts[glyph + 1])
            {
                continue;
            }

            var start = glyf + _glyphStarts[glyph];
            if (BinaryPrimitives.ReadInt16BigEndian(_bytes.AsSpan(start)) >= 0)
            {
                continue;
            }

            // A composite glyph (negative contour count) is drawn from other glyphs: Ą is A and an ogonek.
            var position = start + 10;
            ushort flags;
            do
            {
                flags = ReadUInt16(position);
                pending.Push(ReadUInt16(position + 2));
                position += 4 + ((flags & ArgumentsAreWords) != 0 ? 4 : 2)
                    + ((flags & HasScale) != 0 ? 2 : (flags & HasXAndYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0);
            }
            while ((flags & MoreComponents) != 0);
        }

        return kept;
    }

    private static byte[] Write(List<(string Tag, byte[] Data)> tables)
    {
        var directoryLength = 12 + (16 * tables.Count);
        var output = new MemoryStream();
        output.Write(new byte[directoryLength]);
        var directory = new byte[directoryLength];
        var largestPowerOfTwo = BitOperations.RoundUpToPowerOf2((uint)tables.Count + 1) / 2;
        BinaryPrimitives.WriteUInt32BigEndian(directory, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(4), (ushort)tables.Count);
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(6), (ushort)(16 * largestPowerOfTwo));
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(8), (ushort)BitOperations.Log2(largestPowerOfTwo));
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(10), (ushort)(16 * (tables.Count - largestPowerOfTwo)));
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, data) = tables[i];
            var entry = directory.AsSpan(12 + (16 * i));
            Encoding.ASCII.GetBytes(tag, entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)output.Length);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            output.Write(data);
            PadToFour(output);
        }

        var font = output.ToArray();
        directory.CopyTo(font, 0);
        return font;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < data.Length; i += 4)
        {
            word.Clear();
            data.AsSpan(i, Math.Min(4, data.Length - i)).CopyTo(word);
            sum += BinaryPrimitives.ReadUInt32BigEndian(word);
        }

        return sum;
    }

    private static void PadToFour(MemoryStream stream)
    {
        while (stream.Length % 4 != 0)
        {
            stream.WriteByte(0);
        }
    }

    private (int Offset, int Length) Table(string tag) =>
        _tables.TryGetValue(tag, out var table) ? table : throw new InvalidOperationException($"The font has no '{tag}' table.");

    private byte[] Copy(string tag)
    {
        var (offset, length) = Table(tag);
        return _bytes.AsSpan(offset, length).ToArray();
    }

    private ushort ReadUInt16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan(offset));

    private uint ReadUInt32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan(offset));
}
