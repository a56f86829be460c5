using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Certification.Items.Qti;

/// <summary>
/// What reading a QTI package found: the items it could map, and what is wrong with the others. Package-level
/// problems have an empty <see cref="ItemProblem.ItemId"/>. Any problem means the caller should import nothing.
/// </summary>
public sealed record QtiImport(IReadOnlyList<ImportedItem> Items, IReadOnlyList<ItemProblem> Problems);

/// <summary>
/// Item bank questions as an IMS QTI 2.1 content package (IMS CP 1.1 manifest + one <c>assessmentItem</c> file per
/// question), so they can be exchanged with TAO, Moodle plug-ins and other QTI tools.
/// </summary>
/// <remarks>
/// <para>Every question is a <c>choiceInteraction</c>: single cardinality for single choice and true/false, multiple
/// cardinality with a <c>mapping</c> for multiple choice (each correct option +1/k, each wrong one −1/k, k the number
/// of correct options, never below 0: exactly <see cref="Scoring"/>).</para>
/// <para>What QTI has no place for travels in the <c>urn:certification:qti</c> namespace: the outcome, criterion and
/// kind as <c>cert:outcome</c>, <c>cert:criterion</c> and <c>cert:kind</c> elements in the manifest resource's
/// <c>metadata</c>, and as attributes of the same names on the <c>assessmentItem</c> element. The explanation is the
/// <c>modalFeedback</c> with identifier <c>EXPLANATION</c>. Items written by us (with <c>cert:kind</c> on the item)
/// read back verbatim; text from other tools is read as rendered HTML: whitespace collapsed, one line per block.</para>
/// </remarks>
public static partial class QtiPackage
{
    public const string NotAZip = "qti.not_a_zip";
    public const string TooLarge = "qti.too_large";
    public const string NoManifest = "qti.no_manifest";
    public const string ManifestInvalid = "qti.manifest_invalid";
    public const string FileMissing = "qti.file_missing";
    public const string XmlInvalid = "qti.xml_invalid";
    public const string UnsupportedInteraction = "qti.unsupported_interaction";
    public const string NoCorrectResponse = "qti.no_correct_response";
    public const string CorrectNotAChoice = "qti.correct_not_a_choice";
    public const string DuplicateIdentifier = "qti.duplicate_identifier";

    public const string QtiNamespace = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    public const string ContentPackagingNamespace = "http://www.imsglobal.org/xsd/imscp_v1p1";
    public const string CertNamespace = "urn:certification:qti";
    public const string ItemResourceType = "imsqti_item_xmlv2p1";
    public const string MatchCorrectTemplate = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct";
    public const string MapResponseTemplate = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response";
    public const string ManifestFile = "imsmanifest.xml";

    private const string ResponseId = "RESPONSE";
    private const string ExplanationId = "EXPLANATION";
    private const int MaxEntries = 10_000;

    private static readonly XNamespace Qti = QtiNamespace;
    private static readonly XNamespace Cp = ContentPackagingNamespace;
    private static readonly XNamespace Cert = CertNamespace;
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
        // Text keeps its line breaks and carriage returns exactly; attribute values too.
        NewLineHandling = NewLineHandling.Entitize,
    };

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    // Elements whose text a candidate does not see as part of the question.
    private static readonly HashSet<string> HiddenElements = new(StringComparer.Ordinal)
    {
        "feedbackInline", "feedbackBlock", "modalFeedback", "rubricBlock", "templateInline", "templateBlock",
        "script", "style", "object",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption",
        "tr", "blockquote", "pre", "address", "hr", "prompt",
    };

    // ─── Export ───────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Writes the items as a QTI 2.1 package (a zip). Item ids name files and manifest ids, so they must be
    /// XML names made of ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, and unique ignoring case.
    /// </summary>
    public static byte[] Export(string qualificationCode, IReadOnlyList<(string Id, ItemContent Content)> items)
    {
        ArgumentNullException.ThrowIfNull(qualificationCode);
        ArgumentNullException.ThrowIfNull(items);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, content) in items)
        {
            ArgumentNullException.ThrowIfNull(content);
            if (id is null || !ExportableId().IsMatch(id))
            {
                throw new ArgumentException($"Item id '{id}' cannot name a QTI item file.", nameof(items));
            }

            if (!ids.Add(id))
            {
                throw new ArgumentException($"Item id '{id}' appears twice.", nameof(items));
            }
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, ManifestFile, Manifest(qualificationCode, items));
            foreach (var (id, content) in items)
            {
                Write(zip, ItemPath(id), ItemDocument(id, content));
            }
        }

        return buffer.ToArray();
    }

    private static string ItemPath(string id) => $"items/{id}.xml";

    private static void Write(ZipArchive zip, string path, XDocument document)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var writer = XmlWriter.Create(stream, WriterSettings);
        document.Save(writer);
    }

    private static XDocument Manifest(string qualificationCode, IReadOnlyList<(string Id, ItemContent Content)> items) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Cp + "manifest",
                new XAttribute(XNamespace.Xmlns + "cert", CertNamespace),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
                new XAttribute("identifier", "MANIFEST-" + NotNameCharacters().Replace(XmlSafe(qualificationCode), "_")),
                new XAttribute(Xsi + "schemaLocation", $"{ContentPackagingNamespace} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"),
                new XElement(
                    Cp + "metadata",
                    new XElement(Cp + "schema", "QTIv2.1 Package"),
                    new XElement(Cp + "schemaversion", "1.0.0"),
                    new XElement(Cert + "qualification", XmlSafe(qualificationCode))),
                new XElement(Cp + "organizations"),
                new XElement(
                    Cp + "resources",
                    items.Select(item => new XElement(
                        Cp + "resource",
                        new XAttribute("identifier", item.Id),
                        new XAttribute("type", ItemResourceType),
                        new XAttribute("href", ItemPath(item.Id)),
                        new XElement(
                            Cp + "metadata",
                            new XElement(Cert + "outcome", XmlSafe(item.Content.Outcome)),
                            new XElement(Cert + "criterion", XmlSafe(item.Content.Criterion)),
                            new XElement(Cert + "kind", item.Content.Kind.ToString())),
                        new XElement(Cp + "file", new XAttribute("href", ItemPath(item.Id))))))));

    private static XDocument ItemDocument(string id, ItemContent content)
    {
        var multiple = content.Kind == ItemKind.MultipleChoice;
        var correct = content.Options.Where(o => o.Correct).ToList();
        var explanation = string.IsNullOrEmpty(content.Explanation) ? null : content.Explanation;

        var response = new XElement(
            Qti + "responseDeclaration",
            new XAttribute("identifier", ResponseId),
            new XAttribute("cardinality", multiple ? "multiple" : "single"),
            new XAttribute("baseType", "identifier"));
        if (correct.Count > 0)
        {
            response.Add(new XElement(Qti + "correctResponse", correct.Select(o => new XElement(Qti + "value", XmlSafe(o.Id)))));
            if (multiple)
            {
                // Our partial credit (see Scoring), which the map_response template applies as written.
                response.Add(new XElement(
                    Qti + "mapping",
                    new XAttribute("lowerBound", "0"),
                    new XAttribute("upperBound", "1"),
                    new XAttribute("defaultValue", "0"),
                    content.Options.Select(o => new XElement(
                        Qti + "mapEntry",
                        new XAttribute("mapKey", XmlSafe(o.Id)),
                        new XAttribute("mappedValue", ((o.Correct ? 1.0 : -1.0) / correct.Count).ToString("R", CultureInfo.InvariantCulture))))));
            }
        }

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Qti + "assessmentItem",
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "cert", CertNamespace),
                new XAttribute(Xsi + "schemaLocation", $"{QtiNamespace} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"),
                new XAttribute("identifier", id),
                new XAttribute("title", id),
                new XAttribute("adaptive", "false"),
                new XAttribute("timeDependent", "false"),
                new XAttribute(Cert + "outcome", XmlSafe(content.Outcome)),
                new XAttribute(Cert + "criterion", XmlSafe(content.Criterion)),
                new XAttribute(Cert + "kind", content.Kind.ToString()),
                response,
                new XElement(
                    Qti + "outcomeDeclaration",
                    new XAttribute("identifier", "SCORE"),
                    new XAttribute("cardinality", "single"),
                    new XAttribute("baseType", "float"),
                    new XElement(Qti + "defaultValue", new XElement(Qti + "value", "0"))),
                explanation is null
                    ? null
                    : new XElement(
                        Qti + "outcomeDeclaration",
                        new XAttribute("identifier", "FEEDBACK"),
                        new XAttribute("cardinality", "single"),
                        new XAttribute("baseType", "identifier")),
                new XElement(
                    Qti + "itemBody",
                    Paragraphs(content.Stem),
                    new XElement(
                        Qti + "choiceInteraction",
                        new XAttribute("responseIdentifier", ResponseId),
                        new XAttribute("shuffle", "true"),
                        new XAttribute("maxChoices", multiple ? "0" : "1"),
                        content.Options.Select(o => new XElement(
                            Qti + "simpleChoice",
                            new XAttribute("identifier", XmlSafe(o.Id)),
                            XmlSafe(o.Text))))),
                new XElement(
                    Qti + "responseProcessing",
                    new XAttribute("template", multiple ? MapResponseTemplate : MatchCorrectTemplate)),
                explanation is null
                    ? null
                    : new XElement(
                        Qti + "modalFeedback",
                        new XAttribute("outcomeIdentifier", "FEEDBACK"),
                        new XAttribute("showHide", "show"),
                        new XAttribute("identifier", ExplanationId),
                        Paragraphs(explanation))));
    }

    // One <p> per line, so line breaks survive and the file stays valid XHTML.
    private static IEnumerable<XElement> Paragraphs(string text) =>
        XmlSafe(text).Split('\n').Select(line => new XElement(Qti + "p", line));

    // XML 1.0 cannot carry most control characters at all; they are dropped rather than failing the whole export.
    private static string XmlSafe(string? value)
    {
        value ??= string.Empty;
        var safe = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
            {
                safe.Append(value[i]);
            }
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                safe.Append(value, i, 2);
                i++;
            }
        }

        return safe.Length == value.Length ? value : safe.ToString();
    }

    // ─── Import ───────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Reads a QTI 2.x package. Every problem found is listed; items with a problem are left out of
    /// <see cref="QtiImport.Items"/>. <paramref name="maxBytes"/> bounds the package and, separately, the total of
    /// the files unpacked from it.
    /// </summary>
    public static QtiImport Import(Stream zip, long maxBytes = 10_000_000)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        var package = ReadAtMost(zip, maxBytes);
        if (package is null)
        {
            return Refused(TooLarge, "Package");
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException or IOException)
        {
            return Refused(NotAZip, "Package");
        }

        using (archive)
        {
            return new PackageReader(archive, maxBytes).Read();
        }
    }

    private static QtiImport Refused(string code, string field) => new([], [new ItemProblem(string.Empty, field, code)]);

    private static byte[]? ReadAtMost(Stream stream, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            return null;
        }

        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>One pass over one package: the unpacking budget and the problems found so far.</summary>
    private sealed class PackageReader(ZipArchive archive, long maxBytes)
    {
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);
        private readonly List<ItemProblem> _problems = [];
        private long _budget = maxBytes;
        private bool _tooLarge;

        public QtiImport Read()
        {
            if (archive.Entries.Count > MaxEntries)
            {
                return Refused(TooLarge, "Package");
            }

            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (UnsafePath(name))
                {
                    return Refused(ManifestInvalid, "Manifest");
                }

                if (!name.EndsWith('/') && !_entries.TryAdd(name, entry))
                {
                    // Two entries of the same name: which one the manifest means is anybody's guess.
                    return Refused(ManifestInvalid, "Manifest");
                }
            }

            var (manifestName, folder) = FindManifest();
            if (manifestName is null)
            {
                return Refused(NoManifest, "Manifest");
            }

            var manifest = Parse(_entries[manifestName]);
            if (_tooLarge)
            {
                return Refused(TooLarge, "Package");
            }

            if (manifest?.Root is not { Name.LocalName: "manifest" } root)
            {
                return Refused(ManifestInvalid, "Manifest");
            }

            var resources = new List<(string Id, string? Path, XElement Element)>();
            foreach (var resource in root.Descendants().Where(e => e.Name.LocalName == "resource" && e.Parent?.Name.LocalName == "resources"))
            {
                var type = (string?)resource.Attribute("type") ?? string.Empty;
                if (!type.StartsWith("imsqti_item_xmlv2p", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // tests, stylesheets, images: not questions
                }

                var href = (string?)resource.Attribute("href")
                           ?? resource.Elements().Where(e => e.Name.LocalName == "file").Select(f => (string?)f.Attribute("href")).FirstOrDefault(h => h is not null);
                var id = ((string?)resource.Attribute("identifier"))?.Trim() is { Length: > 0 } identifier ? identifier : href ?? string.Empty;
                if (href is null)
                {
                    _problems.Add(new ItemProblem(id, "Manifest", ManifestInvalid));
                    continue;
                }

                if (!Resolve(folder, resource, href, out var path))
                {
                    return Refused(ManifestInvalid, "Manifest");
                }

                resources.Add((id, path, resource));
            }

            var items = new List<ImportedItem>();
            var resourceIds = new HashSet<string>(StringComparer.Ordinal);
            var itemIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (resourceId, path, resource) in resources)
            {
                if (!resourceIds.Add(resourceId))
                {
                    _problems.Add(new ItemProblem(resourceId, "Id", DuplicateIdentifier));
                    continue;
                }

                if (path is null)
                {
                    _problems.Add(new ItemProblem(resourceId, "File", FileMissing));
                    continue;
                }

                var document = Parse(_entries[path]);
                if (_tooLarge)
                {
                    return Refused(TooLarge, "Package");
                }

                if (document?.Root is not { } item || item.Name.LocalName != "assessmentItem" ||
                    !item.Name.NamespaceName.StartsWith("http://www.imsglobal.org/xsd/imsqti_v2", StringComparison.Ordinal) ||
                    ((string?)item.Attribute("identifier"))?.Trim() is not { Length: > 0 } itemId)
                {
                    _problems.Add(new ItemProblem(resourceId, "File", XmlInvalid));
                    continue;
                }

                if (!itemIds.Add(itemId))
                {
                    _problems.Add(new ItemProblem(itemId, "Id", DuplicateIdentifier));
                    continue;
                }

                var imported = MapItem(itemId, item, resource.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata"), _problems);
                if (imported is not null)
                {
                    items.Add(imported);
                }
            }

            return new QtiImport(items, _problems);
        }

        private (string? Name, string Folder) FindManifest()
        {
            if (_entries.ContainsKey(ManifestFile))
            {
                return (ManifestFile, string.Empty);
            }

            // A package zipped together with its folder: accept it when there is exactly one manifest.
            var candidates = _entries.Keys
                .Where(k => k.Equals(ManifestFile, StringComparison.OrdinalIgnoreCase) ||
                            k.EndsWith("/" + ManifestFile, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return candidates.Count == 1
                ? (candidates[0], candidates[0][..(candidates[0].Length - ManifestFile.Length)])
                : (null, string.Empty);
        }

        /// <summary>
        /// The zip entry an href names, relative to the manifest and any <c>xml:base</c>. False when it tries to
        /// leave the package; a null path when the package does not hold it.
        /// </summary>
        private bool Resolve(string folder, XElement resource, string href, out string? path)
        {
            path = null;
            var parts = new List<string> { folder };
            parts.AddRange(resource.AncestorsAndSelf().Reverse()
                .Select(e => (string?)e.Attribute(XNamespace.Xml + "base"))
                .Where(b => !string.IsNullOrEmpty(b))
                .Select(b => b!.EndsWith('/') ? b : b + "/"));
            var fragment = href.IndexOf('#', StringComparison.Ordinal);
            parts.Add(fragment >= 0 ? href[..fragment] : href);
            if (parts.Skip(1).Any(p => UnsafePath(p.Replace('\\', '/'))))
            {
                return false;
            }

            var raw = Normalize(string.Concat(parts));
            var unescaped = Uri.UnescapeDataString(raw);
            if (UnsafePath(unescaped))
            {
                return false;
            }

            path = _entries.ContainsKey(raw) ? raw : _entries.ContainsKey(unescaped) ? unescaped : null;
            return true;
        }

        private XDocument? Parse(ZipArchiveEntry entry)
        {
            var bytes = Unpack(entry);
            if (bytes is null)
            {
                return null;
            }

            try
            {
                using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), ReaderSettings);
                return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            }
            catch (XmlException)
            {
                return null;
            }
        }

        // Counts what is actually inflated, not what the zip declares: a bomb can lie about its sizes.
        private byte[]? Unpack(ZipArchiveEntry entry)
        {
            if (entry.Length > _budget)
            {
                _tooLarge = true;
                return null;
            }

            try
            {
                using var source = entry.Open();
                using var target = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    _budget -= read;
                    if (_budget < 0)
                    {
                        _tooLarge = true;
                        return null;
                    }

                    target.Write(buffer, 0, read);
                }

                return target.ToArray();
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
            {
                return null; // a damaged or encrypted entry reads as invalid XML
            }
        }
    }

    private static bool UnsafePath(string path) =>
        path.StartsWith('/') || path.Contains('\0', StringComparison.Ordinal) || UriScheme().IsMatch(path) ||
        path.Split('/').Any(segment => segment == "..");

    private static string Normalize(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Where(s => s.Length > 0 && s != "."));

    private static ImportedItem? MapItem(string id, XElement item, XElement? resourceMetadata, List<ItemProblem> problems)
    {
        var ns = item.Name.Namespace;
        var body = item.Element(ns + "itemBody");
        var interactions = body?.Descendants().Where(e => e.Name.LocalName.EndsWith("Interaction", StringComparison.Ordinal)).ToList() ?? [];
        if (body is null || interactions is not [{ } interaction] || interaction.Name != ns + "choiceInteraction")
        {
            problems.Add(new ItemProblem(id, "Kind", UnsupportedInteraction));
            return null;
        }

        var responseId = (string?)interaction.Attribute("responseIdentifier");
        var declaration = item.Elements(ns + "responseDeclaration").FirstOrDefault(d => (string?)d.Attribute("identifier") == responseId);
        var ours = item.Attribute(Cert + "kind") is not null;
        var choices = interaction.Elements(ns + "simpleChoice")
            .Select(c => (Id: ((string?)c.Attribute("identifier"))?.Trim() ?? string.Empty, Text: ours ? c.Value : PlainText(c)))
            .ToList();
        var choiceIds = choices.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var count = problems.Count;
        if (choiceIds.Count != choices.Count)
        {
            problems.Add(new ItemProblem(id, "Options", DuplicateIdentifier));
        }

        var correct = CorrectResponse(ns, declaration);
        if (correct.Count == 0)
        {
            problems.Add(new ItemProblem(id, "Options", NoCorrectResponse));
        }
        else if (!correct.All(choiceIds.Contains))
        {
            problems.Add(new ItemProblem(id, "Options", CorrectNotAChoice));
        }

        if (problems.Count > count)
        {
            return null;
        }

        var options = choices.Select(c => new ItemOption(c.Id, c.Text, correct.Contains(c.Id))).ToList();
        var multiple = (string?)declaration?.Attribute("cardinality") is "multiple" or "ordered";
        var kind = Enum.TryParse<ItemKind>(Metadata(item, resourceMetadata, "kind"), out var stated) && Enum.IsDefined(stated)
            ? stated
            : multiple
                ? ItemKind.MultipleChoice
                : IsTrueFalse(options) ? ItemKind.TrueFalse : ItemKind.SingleChoice;

        var stem = ours
            ? string.Join('\n', body.Elements(ns + "p").Select(p => p.Value))
            : PlainText(body);
        var feedback = item.Elements(ns + "modalFeedback").FirstOrDefault(f => (string?)f.Attribute("identifier") == ExplanationId);
        var explanation = feedback is null
            ? null
            : ours ? string.Join('\n', feedback.Elements(ns + "p").Select(p => p.Value)) : PlainText(feedback);

        return new ImportedItem(id, new ItemContent(
            Metadata(item, resourceMetadata, "outcome") ?? string.Empty,
            Metadata(item, resourceMetadata, "criterion") ?? string.Empty,
            kind,
            stem,
            options,
            string.IsNullOrEmpty(explanation) ? null : explanation));
    }

    // The key: correctResponse, or failing that the choices a mapping rewards (some tools state only the mapping).
    private static HashSet<string> CorrectResponse(XNamespace ns, XElement? declaration)
    {
        var values = declaration?.Element(ns + "correctResponse")?.Elements(ns + "value").Select(v => v.Value.Trim()).Where(v => v.Length > 0);
        var correct = new HashSet<string>(values ?? [], StringComparer.Ordinal);
        if (correct.Count == 0 && declaration?.Element(ns + "mapping") is { } mapping)
        {
            correct.UnionWith(mapping.Elements(ns + "mapEntry")
                .Where(e => double.TryParse((string?)e.Attribute("mappedValue"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
                .Select(e => ((string?)e.Attribute("mapKey"))?.Trim() ?? string.Empty)
                .Where(k => k.Length > 0));
        }

        return correct;
    }

    // Ours on the item element, else a cert element anywhere in the item, else the manifest's resource metadata.
    private static string? Metadata(XElement item, XElement? resourceMetadata, string name) =>
        ((string?)item.Attribute(Cert + name)
         ?? item.Descendants(Cert + name).FirstOrDefault()?.Value
         ?? resourceMetadata?.Descendants(Cert + name).FirstOrDefault()?.Value)?.Trim();

    private static bool IsTrueFalse(List<ItemOption> options)
    {
        if (options.Count != 2)
        {
            return false;
        }

        var texts = options.Select(o => o.Text.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return texts.SetEquals(["Prawda", "Fałsz"]) || texts.SetEquals(["True", "False"]);
    }

    /// <summary>What a candidate reads: text without markup, whitespace collapsed, one line per block element.</summary>
    private static string PlainText(XElement element)
    {
        var text = new StringBuilder();
        AppendText(text, element);
        return string.Join('\n', text.ToString().Split('\n')
            .Select(line => InlineWhitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0));
    }

    private static void AppendText(StringBuilder text, XElement element)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText part)
            {
                // Line breaks in XHTML source are just spaces; only blocks and <br/> break lines.
                text.Append(part.Value.Replace('\r', ' ').Replace('\n', ' '));
            }
            else if (node is XElement child)
            {
                var name = child.Name.LocalName;
                if (name == "br")
                {
                    text.Append('\n');
                }
                else if (name == "choiceInteraction")
                {
                    // In the stem only its prompt counts; the choices are the options.
                    if (child.Element(child.Name.Namespace + "prompt") is { } prompt)
                    {
                        text.Append('\n');
                        AppendText(text, prompt);
                        text.Append('\n');
                    }
                }
                else if (!HiddenElements.Contains(name) && !name.EndsWith("Interaction", StringComparison.Ordinal))
                {
                    var block = BlockElements.Contains(name);
                    text.Append(block ? "\n" : string.Empty);
                    AppendText(text, child);
                    text.Append(block ? "\n" : string.Empty);
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex ExportableId();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex NotNameCharacters();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex InlineWhitespace();
}
