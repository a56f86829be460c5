using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Certification.Items;
using Certification.Items.Qti;
using Certification.Qualifications;

namespace Certification.Grains.Tests;

public sealed class QtiPackageTests
{
    private static readonly XNamespace Qti = QtiPackage.QtiNamespace;
    private static readonly XNamespace Cp = QtiPackage.ContentPackagingNamespace;
    private static readonly XNamespace Cert = QtiPackage.CertNamespace;

    [Fact]
    public void All_110_items_survive_an_export_and_an_import_unchanged()
    {
        var bank = Bank();
        Assert.Equal(110, bank.Items.Count);

        var imported = QtiPackage.Import(new MemoryStream(Export(bank)));

        Assert.Empty(imported.Problems);
        Assert.Equal(bank.Items.Select(i => i.Id), imported.Items.Select(i => i.Id));
        foreach (var (expected, actual) in bank.Items.Zip(imported.Items))
        {
            Assert.Equal(expected.Kind, actual.Content.Kind);
            Assert.Equal(expected.Stem, actual.Content.Stem);
            Assert.Equal(expected.Options, actual.Content.Options);
            Assert.Equal(expected.Outcome, actual.Content.Outcome);
            Assert.Equal(expected.Criterion, actual.Content.Criterion);
            Assert.Equal(expected.Explanation, actual.Content.Explanation);
        }
    }

    [Fact]
    public void Imported_items_pass_the_item_rules_of_their_qualification()
    {
        var qualification = QualificationDefinitions.Parse(
            "crm-prk4.json", File.ReadAllText(Path.Combine(Definitions(), "crm-prk4.json")));

        var imported = QtiPackage.Import(new MemoryStream(Export(Bank())));

        Assert.All(imported.Items, item => Assert.Empty(ItemRules.Check(item.Content, qualification).Errors));
    }

    [Fact]
    public void The_manifest_lists_every_item_with_its_file_and_metadata()
    {
        var bank = Bank();
        using var zip = new ZipArchive(new MemoryStream(Export(bank)), ZipArchiveMode.Read);

        var manifest = Load(zip, "imsmanifest.xml").Root!;
        var resources = manifest.Element(Cp + "resources")!.Elements(Cp + "resource").ToList();

        Assert.Equal(Cp + "manifest", manifest.Name);
        Assert.Equal("CRM-PRK4", manifest.Element(Cp + "metadata")!.Element(Cert + "qualification")!.Value);
        Assert.Equal(bank.Items.Select(i => i.Id), resources.Select(r => (string?)r.Attribute("identifier")));
        foreach (var (item, resource) in bank.Items.Zip(resources))
        {
            var href = $"items/{item.Id}.xml";
            Assert.Equal("imsqti_item_xmlv2p1", (string?)resource.Attribute("type"));
            Assert.Equal(href, (string?)resource.Attribute("href"));
            Assert.Equal(href, (string?)resource.Element(Cp + "file")!.Attribute("href"));
            Assert.NotNull(zip.GetEntry(href));
            var metadata = resource.Element(Cp + "metadata")!;
            Assert.Equal(item.Outcome, metadata.Element(Cert + "outcome")!.Value);
            Assert.Equal(item.Criterion, metadata.Element(Cert + "criterion")!.Value);
            Assert.Equal(item.Kind.ToString(), metadata.Element(Cert + "kind")!.Value);
        }

        Assert.Equal(bank.Items.Count + 1, zip.Entries.Count);
    }

    [Fact]
    public void A_single_choice_item_file_is_a_QTI_2_1_assessment_item()
    {
        var bank = Bank();
        var source = bank.Items.Single(i => i.Id == "CRM-0001");
        using var zip = new ZipArchive(new MemoryStream(Export(bank)), ZipArchiveMode.Read);

        var item = Load(zip, "items/CRM-0001.xml").Root!;

        Assert.Equal(Qti + "assessmentItem", item.Name);
        Assert.Equal("CRM-0001", (string?)item.Attribute("identifier"));
        Assert.Equal("CRM-0001", (string?)item.Attribute("title"));
        Assert.Equal("false", (string?)item.Attribute("adaptive"));
        Assert.Equal("false", (string?)item.Attribute("timeDependent"));
        Assert.Equal("1.1", (string?)item.Attribute(Cert + "outcome"));
        Assert.Equal("1.1.1", (string?)item.Attribute(Cert + "criterion"));
        Assert.Equal("SingleChoice", (string?)item.Attribute(Cert + "kind"));
        Assert.Equal(
            ["responseDeclaration", "outcomeDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing", "modalFeedback"],
            item.Elements().Select(e => e.Name.LocalName));
        Assert.All(item.Descendants(), e => Assert.Equal(Qti, e.Name.Namespace));

        var response = item.Element(Qti + "responseDeclaration")!;
        Assert.Equal("RESPONSE", (string?)response.Attribute("identifier"));
        Assert.Equal("single", (string?)response.Attribute("cardinality"));
        Assert.Equal("identifier", (string?)response.Attribute("baseType"));
        Assert.Equal(["b"], response.Element(Qti + "correctResponse")!.Elements(Qti + "value").Select(v => v.Value));
        Assert.Null(response.Element(Qti + "mapping"));

        var score = item.Elements(Qti + "outcomeDeclaration").First();
        Assert.Equal("SCORE", (string?)score.Attribute("identifier"));
        Assert.Equal("single", (string?)score.Attribute("cardinality"));
        Assert.Equal("float", (string?)score.Attribute("baseType"));

        var body = item.Element(Qti + "itemBody")!;
        Assert.Equal(source.Stem, body.Element(Qti + "p")!.Value);
        var interaction = body.Element(Qti + "choiceInteraction")!;
        Assert.Equal("RESPONSE", (string?)interaction.Attribute("responseIdentifier"));
        Assert.Equal("true", (string?)interaction.Attribute("shuffle"));
        Assert.Equal("1", (string?)interaction.Attribute("maxChoices"));
        Assert.Equal(["a", "b", "c", "d"], interaction.Elements(Qti + "simpleChoice").Select(c => (string?)c.Attribute("identifier")));
        Assert.Equal(source.Options.Select(o => o.Text), interaction.Elements(Qti + "simpleChoice").Select(c => c.Value));

        Assert.Equal(QtiPackage.MatchCorrectTemplate, (string?)item.Element(Qti + "responseProcessing")!.Attribute("template"));
        var feedback = item.Element(Qti + "modalFeedback")!;
        Assert.Equal("FEEDBACK", (string?)feedback.Attribute("outcomeIdentifier"));
        Assert.Equal("show", (string?)feedback.Attribute("showHide"));
        Assert.Equal("EXPLANATION", (string?)feedback.Attribute("identifier"));
        Assert.Equal(source.Explanation, feedback.Element(Qti + "p")!.Value);
    }

    [Fact]
    public void A_multiple_choice_item_states_the_partial_credit_rule_as_a_mapping()
    {
        using var zip = new ZipArchive(new MemoryStream(Export(Bank())), ZipArchiveMode.Read);

        var item = Load(zip, "items/CRM-0002.xml").Root!;

        var response = item.Element(Qti + "responseDeclaration")!;
        Assert.Equal("multiple", (string?)response.Attribute("cardinality"));
        Assert.Equal(["a", "c", "d"], response.Element(Qti + "correctResponse")!.Elements(Qti + "value").Select(v => v.Value));
        var mapping = response.Element(Qti + "mapping")!;
        Assert.Equal("0", (string?)mapping.Attribute("lowerBound"));
        var values = mapping.Elements(Qti + "mapEntry").ToDictionary(e => (string)e.Attribute("mapKey")!, e => (double)e.Attribute("mappedValue")!);
        Assert.Equal(["a", "b", "c", "d", "e"], values.Keys);
        Assert.Equal(1.0 / 3, values["a"], 9);
        Assert.Equal(-1.0 / 3, values["b"], 9);
        Assert.Equal(1.0, values["a"] + values["c"] + values["d"], 9);
        Assert.Equal("0", (string?)item.Descendants(Qti + "choiceInteraction").Single().Attribute("maxChoices"));
        Assert.Equal(QtiPackage.MapResponseTemplate, (string?)item.Element(Qti + "responseProcessing")!.Attribute("template"));
    }

    [Fact]
    public void A_true_false_item_is_a_two_choice_single_cardinality_interaction_marked_as_true_false()
    {
        using var zip = new ZipArchive(new MemoryStream(Export(Bank())), ZipArchiveMode.Read);

        var item = Load(zip, "items/CRM-0003.xml").Root!;

        Assert.Equal("TrueFalse", (string?)item.Attribute(Cert + "kind"));
        Assert.Equal("single", (string?)item.Element(Qti + "responseDeclaration")!.Attribute("cardinality"));
        var interaction = item.Descendants(Qti + "choiceInteraction").Single();
        Assert.Equal("1", (string?)interaction.Attribute("maxChoices"));
        Assert.Equal(["Prawda", "Fałsz"], interaction.Elements(Qti + "simpleChoice").Select(c => c.Value));
    }

    [Fact]
    public void Polish_text_markup_characters_and_line_breaks_survive_a_round_trip()
    {
        var content = new ItemContent(
            "1.2",
            "1.2.3",
            ItemKind.SingleChoice,
            "Zażółć gęślą jaźń: czy 2 < 3 && 5 > 4?\nDruga linia z \"cudzysłowem\" i 'apostrofem'.\r\n  Wcięta trzecia.",
            [new ItemOption("a", "Tak, <b>oczywiście</b> & bez wątpienia", true), new ItemOption("b", "Nie — ŹLE", false)],
            null);

        var package = QtiPackage.Export("CRM-PRK4", [("POL-1", content)]);
        var imported = QtiPackage.Import(new MemoryStream(package));

        Assert.Empty(imported.Problems);
        var item = Assert.Single(imported.Items);
        Assert.Equal("POL-1", item.Id);
        Assert.Equal(content.Stem, item.Content.Stem);
        Assert.Equal(content.Options, item.Content.Options);
        Assert.Null(item.Content.Explanation);
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("items/POL-1.xml")!.Open(), Encoding.UTF8);
        var xml = reader.ReadToEnd();
        Assert.Contains("Zażółć gęślą jaźń: czy 2 &lt; 3 &amp;&amp; 5 &gt; 4?", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("modalFeedback", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_from_another_tool_without_cert_metadata_imports_multiple_choice_with_its_key()
    {
        const string item = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
                identifier="i1700000000000001" title="Dane osobowe" adaptive="false" timeDependent="false" toolName="TAO" toolVersion="3.4.0">
              <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
                <correctResponse>
                  <value>choice_1</value>
                  <value>choice_3</value>
                </correctResponse>
              </responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <itemBody>
                <div class="grid-row">
                  <div class="col-12">
                    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="0" minChoices="0">
                      <prompt>Które z poniższych są
                        danymi osobowymi?</prompt>
                      <simpleChoice identifier="choice_1" fixed="false">Adres e-mail <strong>jan.kowalski@firma.pl</strong></simpleChoice>
                      <simpleChoice identifier="choice_2" fixed="false">Kurs euro z&#160;dnia</simpleChoice>
                      <simpleChoice identifier="choice_3" fixed="false">Numer PESEL</simpleChoice>
                    </choiceInteraction>
                  </div>
                </div>
              </itemBody>
              <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
            </assessmentItem>
            """;
        var package = Zip(
            ("imsmanifest.xml", Manifest(("i1700000000000001", "items/i1700000000000001/qti.xml"))),
            ("items/i1700000000000001/qti.xml", item));

        var imported = QtiPackage.Import(package);

        Assert.Empty(imported.Problems);
        var only = Assert.Single(imported.Items);
        Assert.Equal("i1700000000000001", only.Id);
        Assert.Equal(ItemKind.MultipleChoice, only.Content.Kind);
        Assert.Equal("Które z poniższych są danymi osobowymi?", only.Content.Stem);
        Assert.Equal(
            [
                new ItemOption("choice_1", "Adres e-mail jan.kowalski@firma.pl", true),
                new ItemOption("choice_2", "Kurs euro z\u00A0dnia", false),
                new ItemOption("choice_3", "Numer PESEL", true),
            ],
            only.Content.Options);
        Assert.Equal(string.Empty, only.Content.Outcome);
        Assert.Equal(string.Empty, only.Content.Criterion);
        Assert.Null(only.Content.Explanation);
    }

    [Fact]
    public void A_foreign_item_with_two_choices_Prawda_and_Falsz_is_true_false_and_other_single_items_single_choice()
    {
        var package = Zip(
            ("imsmanifest.xml", Manifest(("TF", "tf.xml"), ("EN", "en.xml"), ("SC", "sc.xml"))),
            ("tf.xml", ForeignItem("TF", "single", ["A"], ("A", "Prawda"), ("B", "Fałsz"))),
            ("en.xml", ForeignItem("EN", "single", ["B"], ("A", "true"), ("B", "FALSE"))),
            ("sc.xml", ForeignItem("SC", "single", ["A"], ("A", "Tak"), ("B", "Nie"))));

        var imported = QtiPackage.Import(package);

        Assert.Empty(imported.Problems);
        Assert.Equal(
            [ItemKind.TrueFalse, ItemKind.TrueFalse, ItemKind.SingleChoice],
            imported.Items.Select(i => i.Content.Kind));
        Assert.Equal("Pytanie TF", imported.Items[0].Content.Stem);
    }

    [Fact]
    public void A_foreign_item_that_states_its_key_only_as_a_mapping_takes_the_rewarded_choices_as_correct()
    {
        var item = XElement.Parse(ForeignItem("MAP", "multiple", [], ("A", "Jeden"), ("B", "Dwa"), ("C", "Trzy")));
        item.Element(Qti + "responseDeclaration")!.Add(new XElement(
            Qti + "mapping",
            new XAttribute("defaultValue", "0"),
            new XElement(Qti + "mapEntry", new XAttribute("mapKey", "A"), new XAttribute("mappedValue", "0.5")),
            new XElement(Qti + "mapEntry", new XAttribute("mapKey", "B"), new XAttribute("mappedValue", "-1")),
            new XElement(Qti + "mapEntry", new XAttribute("mapKey", "C"), new XAttribute("mappedValue", "0.5"))));

        var imported = QtiPackage.Import(Zip(("imsmanifest.xml", Manifest(("MAP", "map.xml"))), ("map.xml", item.ToString())));

        Assert.Empty(imported.Problems);
        Assert.Equal([true, false, true], Assert.Single(imported.Items).Content.Options.Select(o => o.Correct));
    }

    [Fact]
    public void Cert_metadata_in_the_manifest_is_used_for_an_item_file_without_it()
    {
        const string manifest = """
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:cert="urn:certification:qti" identifier="M">
              <resources>
                <resource identifier="X-1" type="imsqti_item_xmlv2p1" href="x.xml">
                  <metadata><cert:outcome>2.1</cert:outcome><cert:criterion>2.1.4</cert:criterion><cert:kind>SingleChoice</cert:kind></metadata>
                  <file href="x.xml"/>
                </resource>
              </resources>
            </manifest>
            """;

        var imported = QtiPackage.Import(Zip(
            ("imsmanifest.xml", manifest),
            ("x.xml", ForeignItem("X-1", "single", ["A"], ("A", "Prawda"), ("B", "Fałsz")))));

        var item = Assert.Single(imported.Items).Content;
        Assert.Equal("2.1", item.Outcome);
        Assert.Equal("2.1.4", item.Criterion);
        Assert.Equal(ItemKind.SingleChoice, item.Kind);
    }

    [Fact]
    public void Every_problem_of_a_malformed_package_is_reported_against_its_item()
    {
        var package = Zip(
            ("imsmanifest.xml", Manifest(
                ("OK-1", "items/ok.xml"),
                ("MISSING", "items/missing.xml"),
                ("TEXT", "items/text.xml"),
                ("UNKNOWN", "items/unknown.xml"),
                ("NOKEY", "items/nokey.xml"),
                ("BROKEN", "items/broken.xml"),
                ("DUP", "items/dup.xml"))),
            ("items/ok.xml", ForeignItem("OK-1", "single", ["A"], ("A", "Jeden"), ("B", "Dwa"))),
            ("items/text.xml", """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="TEXT" title="t" adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
                    <correctResponse><value>Warszawa</value></correctResponse>
                  </responseDeclaration>
                  <itemBody><p>Stolica Polski to <textEntryInteraction responseIdentifier="RESPONSE"/>.</p></itemBody>
                </assessmentItem>
                """),
            ("items/unknown.xml", ForeignItem("UNKNOWN", "single", ["Z"], ("A", "Jeden"), ("B", "Dwa"))),
            ("items/nokey.xml", ForeignItem("NOKEY", "single", [], ("A", "Jeden"), ("B", "Dwa"))),
            ("items/broken.xml", """<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="BROKEN"><itemBody>"""),
            ("items/dup.xml", ForeignItem("OK-1", "single", ["B"], ("A", "Trzy"), ("B", "Cztery"))));

        var imported = QtiPackage.Import(package);

        Assert.Equal(
            [
                new ItemProblem("MISSING", "File", "qti.file_missing"),
                new ItemProblem("TEXT", "Kind", "qti.unsupported_interaction"),
                new ItemProblem("UNKNOWN", "Options", "qti.correct_not_a_choice"),
                new ItemProblem("NOKEY", "Options", "qti.no_correct_response"),
                new ItemProblem("BROKEN", "File", "qti.xml_invalid"),
                new ItemProblem("OK-1", "Id", "qti.duplicate_identifier"),
            ],
            imported.Problems);
        Assert.Equal(["OK-1"], imported.Items.Select(i => i.Id));
        Assert.Equal("Jeden", imported.Items[0].Content.Options.Single(o => o.Correct).Text);
    }

    [Fact]
    public void A_stream_that_is_not_a_zip_is_refused()
    {
        var imported = QtiPackage.Import(new MemoryStream(Encoding.UTF8.GetBytes("To nie jest paczka QTI.")));

        Assert.Equal([new ItemProblem("", "Package", "qti.not_a_zip")], imported.Problems);
        Assert.Empty(imported.Items);
    }

    [Fact]
    public void A_zip_without_a_manifest_is_refused()
    {
        var imported = QtiPackage.Import(Zip(("items/a.xml", ForeignItem("A", "single", ["A"], ("A", "x"), ("B", "y")))));

        Assert.Equal([new ItemProblem("", "Manifest", "qti.no_manifest")], imported.Problems);
    }

    [Theory]
    [InlineData("../evil.xml", "items/ok.xml")]
    [InlineData("/etc/evil.xml", "items/ok.xml")]
    [InlineData("items/..\\..\\evil.xml", "items/ok.xml")]
    [InlineData("items/ok2.xml", "../evil.xml")]
    [InlineData("items/ok2.xml", "items/../../evil.xml")]
    [InlineData("items/ok2.xml", "/evil.xml")]
    [InlineData("items/ok2.xml", "file:///etc/passwd")]
    [InlineData("items/ok2.xml", "items/%2e%2e/%2e%2e/evil.xml")]
    public void A_package_that_reaches_outside_itself_is_refused(string extraEntry, string href)
    {
        var package = Zip(
            ("imsmanifest.xml", Manifest(("OK-1", href))),
            ("items/ok.xml", ForeignItem("OK-1", "single", ["A"], ("A", "Jeden"), ("B", "Dwa"))),
            (extraEntry, "<evil/>"));

        var imported = QtiPackage.Import(package);

        Assert.Equal([new ItemProblem("", "Manifest", "qti.manifest_invalid")], imported.Problems);
        Assert.Empty(imported.Items);
    }

    [Fact]
    public void An_item_with_a_doctype_is_refused_as_invalid_xml()
    {
        const string item = """
            <?xml version="1.0"?>
            <!DOCTYPE assessmentItem [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="XXE" title="x" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>A</value></correctResponse>
              </responseDeclaration>
              <itemBody><p>&secret;</p>
                <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
                  <simpleChoice identifier="A">a</simpleChoice><simpleChoice identifier="B">b</simpleChoice>
                </choiceInteraction>
              </itemBody>
            </assessmentItem>
            """;

        var imported = QtiPackage.Import(Zip(("imsmanifest.xml", Manifest(("XXE", "xxe.xml"))), ("xxe.xml", item)));

        Assert.Equal([new ItemProblem("XXE", "File", "qti.xml_invalid")], imported.Problems);
        Assert.Empty(imported.Items);
    }

    [Fact]
    public void A_package_over_the_size_limit_is_refused()
    {
        var imported = QtiPackage.Import(new MemoryStream(Export(Bank())), maxBytes: 10_000);

        Assert.Equal([new ItemProblem("", "Package", "qti.too_large")], imported.Problems);
        Assert.Empty(imported.Items);
    }

    [Fact]
    public void A_small_package_that_inflates_past_the_limit_is_refused()
    {
        var bomb = ForeignItem("BOMB", "single", ["A"], ("A", "a"), ("B", "b"))
            .Replace("<itemBody>", "<itemBody><p>" + new string(' ', 5_000_000) + "</p>", StringComparison.Ordinal);
        using var package = Zip(("imsmanifest.xml", Manifest(("BOMB", "bomb.xml"))), ("bomb.xml", bomb));
        Assert.True(package.Length < 100_000);

        var imported = QtiPackage.Import(package, maxBytes: 1_000_000);

        Assert.Equal([new ItemProblem("", "Package", "qti.too_large")], imported.Problems);
        Assert.Empty(imported.Items);
    }

    [Fact]
    public void Export_refuses_an_item_id_that_cannot_name_a_file()
    {
        var content = Bank().Items[0].ToContent();

        Assert.Throws<ArgumentException>(() => QtiPackage.Export("CRM-PRK4", [("../evil", content)]));
        Assert.Throws<ArgumentException>(() => QtiPackage.Export("CRM-PRK4", [("A-1", content), ("a-1", content)]));
    }

    private static ItemBankFile Bank() =>
        JsonSerializer.Deserialize<ItemBankFile>(
            File.ReadAllText(Path.Combine(Definitions(), "crm-prk4.items.json")), QualificationDefinitions.Json)!;

    private static byte[] Export(ItemBankFile bank) =>
        QtiPackage.Export(bank.Qualification, [.. bank.Items.Select(i => (i.Id, i.ToContent()))]);

    private static string Definitions()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Certification.sln")))
            {
                return Path.Combine(folder.FullName, "src", "Grains", "Qualifications", "Definitions");
            }
        }

        throw new InvalidOperationException("Certification.sln not found above " + AppContext.BaseDirectory);
    }

    private static XDocument Load(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        return XDocument.Load(stream);
    }

    private static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    private static string Manifest(params (string Id, string Href)[] resources) =>
        new XElement(
            Cp + "manifest",
            new XAttribute("identifier", "MANIFEST-1"),
            new XElement(Cp + "organizations"),
            new XElement(
                Cp + "resources",
                resources.Select(r => new XElement(
                    Cp + "resource",
                    new XAttribute("identifier", r.Id),
                    new XAttribute("type", "imsqti_item_xmlv2p1"),
                    new XAttribute("href", r.Href),
                    new XElement(Cp + "file", new XAttribute("href", r.Href)))))).ToString();

    private static string ForeignItem(string id, string cardinality, string[] correct, params (string Id, string Text)[] choices) =>
        new XElement(
            Qti + "assessmentItem",
            new XAttribute("identifier", id),
            new XAttribute("title", id),
            new XAttribute("adaptive", "false"),
            new XAttribute("timeDependent", "false"),
            new XElement(
                Qti + "responseDeclaration",
                new XAttribute("identifier", "RESPONSE"),
                new XAttribute("cardinality", cardinality),
                new XAttribute("baseType", "identifier"),
                correct.Length == 0 ? null : new XElement(Qti + "correctResponse", correct.Select(c => new XElement(Qti + "value", c)))),
            new XElement(
                Qti + "itemBody",
                new XElement(Qti + "p", "Pytanie " + id),
                new XElement(
                    Qti + "choiceInteraction",
                    new XAttribute("responseIdentifier", "RESPONSE"),
                    new XAttribute("maxChoices", cardinality == "single" ? "1" : "0"),
                    choices.Select(c => new XElement(Qti + "simpleChoice", new XAttribute("identifier", c.Id), c.Text)))),
            new XElement(Qti + "responseProcessing", new XAttribute("template", QtiPackage.MatchCorrectTemplate))).ToString();
}
