namespace Certification.Documents.Fonts;

/// <summary>
/// DejaVu Sans in the two weights documents use. Parsing a face takes tens of milliseconds, so the faces are
/// read once per process (<see cref="Default"/>) and shared by every document rendered.
/// </summary>
internal sealed class DocumentFonts
{
    public const string DebianDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string DebianPackage = "fonts-dejavu-core";
    private const string RegularFile = "DejaVuSans.ttf";
    private const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly Lock Gate = new();
    private static DocumentFonts? _default;

    private DocumentFonts(FontFace regular, FontFace bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public FontFace Regular { get; }

    public FontFace Bold { get; }

    /// <summary>The fonts of Debian's <c>fonts-dejavu-core</c>; a failed load is retried on the next call, so installing the package later helps.</summary>
    public static DocumentFonts Default
    {
        get
        {
            if (Volatile.Read(ref _default) is { } loaded)
            {
                return loaded;
            }

            lock (Gate)
            {
                return _default ??= Load(DebianDirectory);
            }
        }
    }

    public static DocumentFonts Load(string directory) =>
        new(FontFace.Load("DejaVu Sans", ReadFont(directory, RegularFile)), FontFace.Load("DejaVu Sans Bold", ReadFont(directory, BoldFile)));

    public FontFace For(FontWeight weight) => weight == FontWeight.Bold ? Bold : Regular;

    private static byte[] ReadFont(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The font {path} is missing, so no document can be rendered. Install the Debian package {DebianPackage} " +
                $"(apt-get install {DebianPackage}); ./run.sh and ./test.sh do this when the font is absent.", path);
        }

        return File.ReadAllBytes(path);
    }
}
