using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Crm.Import;
using Certification.CustomFields;
using Certification.Domain;
using Certification.Portal.Accounts;
using Certification.Testing;
using ClosedXML.Excel;

namespace Certification.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed partial class CrmImportPagesTests(PortalFixture fixture)
{
    private const string PeopleHeader = "Imię;Nazwisko;E-mail;Telefon;PESEL;NIP organizacji;Jednostka;Stanowisko";

    [Fact]
    public async Task A_csv_of_people_with_bad_rows_is_reported_row_by_row_and_nothing_is_created()
    {
        var admin = await TrainingAdminAsync();
        var u = Unique();
        var (clientId, nip) = await CreateClientAsync();
        var existing = $"stary-{u}@test.pl";
        Assert.True((await fixture.Host.Grains.GetGrain<IPersonGrain>(Guid.NewGuid())
            .CreateAsync(new PersonDetails("Stary", "Znajomy", existing, null, null, clientId, null, null))).Succeeded);
        var pesel = UniquePesel();
        var csv = Csv(
            PeopleHeader,
            $"Anna;Dobra;anna-{u}@test.pl;;{pesel};{nip};;",
            $"Jan;Zły;jan-{u}@test.pl;;44051401358;{nip};;",
            $"Ewa;Poczta;ewa-{u}-test.pl;;;{nip};;",
            $"Piotr;;piotr-{u}@test.pl;;;{nip};;",
            $"Anna;Druga;ANNA-{u}@test.pl;;;{nip};;",
            $"Marek;Nowy;{existing.ToUpperInvariant()};;;{nip};;",
            $"Obcy;Nieznany;obcy-{u}@test.pl;;;{TestNip.For(Guid.NewGuid())};;");

        var (batch, report) = await UploadAsync(admin, "People", "osoby.csv", csv);

        var rows = Rows(report);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], rows.Keys.Order());
        Assert.Contains(">OK<", rows[2], StringComparison.Ordinal);
        Assert.Contains($"<td>{pesel[..6]}•••••</td>", rows[2], StringComparison.Ordinal);
        Assert.DoesNotContain(pesel, report, StringComparison.Ordinal);
        Assert.Contains("PESEL: " + PolishIdentifierMessages.Polish("pesel.checksum"), rows[3], StringComparison.Ordinal);
        Assert.Contains("<td>44051401358</td>", rows[3], StringComparison.Ordinal);
        Assert.Contains("E-mail: Podaj adres e-mail w postaci nazwa@domena.pl.", rows[4], StringComparison.Ordinal);
        Assert.Contains("Nazwisko: To pole jest wymagane.", rows[5], StringComparison.Ordinal);
        Assert.Contains("E-mail: Ta wartość powtarza się w pliku (wiersz 2).", rows[6], StringComparison.Ordinal);
        Assert.Contains("E-mail: Osoba z tym adresem e-mail już jest w CRM.", rows[7], StringComparison.Ordinal);
        Assert.Contains("NIP organizacji: W CRM nie ma klienta z tym numerem NIP.", rows[8], StringComparison.Ordinal);
        Assert.Contains("Wiersze z błędami: 6 z 7. Nic nie zapisano.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"commit\"", report, StringComparison.Ordinal);

        // Even a commit forced past the page creates nothing while a row has a problem.
        await admin.PostFormAsync("/Crm/Import", [], action: batch);
        Assert.Equal(0, await PeopleWithAsync(u, except: existing));
    }

    [Fact]
    public async Task An_xlsx_of_people_is_checked_like_a_csv_including_names_repeated_in_an_organisation()
    {
        var admin = await TrainingAdminAsync();
        var u = Unique();
        var (clientId, nip) = await CreateClientAsync();
        Assert.True((await fixture.Host.Grains.GetGrain<IPersonGrain>(Guid.NewGuid())
            .CreateAsync(new PersonDetails("Łukasz", $"Wróbel{u}", null, null, null, clientId, null, null))).Succeeded);
        var pesel = UniquePesel();
        var xlsx = Xlsx(
            ["First name", "Last name", "E-mail", "PESEL", "Organisation NIP"],
            ["Ola", "Dobra", $"ola-{u}@test.pl", pesel, nip],
            ["Ula", "Zła", $"ula-{u}@test.pl", "123", nip],
            ["lukasz", $"WROBEL{u.ToLowerInvariant()}", $"lukasz-{u}@test.pl", "", nip],
            ["Ola", "Inna", $"ola2-{u}@test.pl", pesel, nip],
            ["Jan", "Bezadresu", "jan@", "", nip]);

        var (_, report) = await UploadAsync(admin, "People", "osoby.xlsx", xlsx);

        var rows = Rows(report);
        Assert.Equal([2, 3, 4, 5, 6], rows.Keys.Order());
        Assert.Contains(">OK<", rows[2], StringComparison.Ordinal);
        Assert.Contains("PESEL: PESEL musi mieć 11 cyfr.", rows[3], StringComparison.Ordinal);
        Assert.Contains("Nazwisko: W tej organizacji jest już osoba o tym imieniu i nazwisku.", rows[4], StringComparison.Ordinal);
        Assert.Contains("PESEL: Ta wartość powtarza się w pliku (wiersz 2).", rows[5], StringComparison.Ordinal);
        Assert.Contains("E-mail: Podaj adres e-mail w postaci nazwa@domena.pl.", rows[6], StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"commit\"", report, StringComparison.Ordinal);
        Assert.Equal(0, await PeopleWithAsync(u));
    }

    [Fact]
    public async Task A_clean_file_is_committed_once_and_committing_again_creates_nothing_more()
    {
        var admin = await TrainingAdminAsync();
        var u = Unique();
        var (clientId, nip) = await CreateClientAsync();
        var csv = Csv(
            "Imię,Nazwisko,E-mail,NIP organizacji,Stanowisko",
            $"Anna,Pierwsza,anna-{u}@test.pl,{nip},Inspektor",
            $"Beata,Druga,beata-{u}@test.pl,{nip},\"Kierownik, referatu\"",
            $"Cezary,Trzeci,cezary-{u}@test.pl,,");

        var (batch, report) = await UploadAsync(admin, "People", "czysty.csv", csv);
        Assert.Contains("Wszystkie wiersze są poprawne (3).", report, StringComparison.Ordinal);
        Assert.Contains("id=\"commit\"", report, StringComparison.Ordinal);

        var committed = await admin.PostFormAsync(batch, []);
        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var done = await admin.GetStringAsync(batch);
        Assert.Contains("Zaimportowano: 3 z 3 wierszy.", done, StringComparison.Ordinal);
        Assert.Equal(3, PersonLink().Count(done));
        Assert.Equal(3, await PeopleWithAsync(u));
        Assert.Equal(2, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE client_id = '{clientId}'"));
        Assert.Equal("Kierownik, referatu", await fixture.Host.Database.ScalarAsync<string>($"SELECT position FROM person_projection WHERE email = 'beata-{u.ToLowerInvariant()}@test.pl'"));

        // The committed batch offers no button any more; a repeated post (a double click, a resent form) changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Crm/Import", [], action: batch)).StatusCode);
        Assert.Equal(3, await PeopleWithAsync(u));
        Assert.Contains("czysty.csv", await admin.GetStringAsync("/Crm/Import"), StringComparison.Ordinal);

        // At the end of the retention the report keeps what the import did, without the file's personal data.
        var grain = fixture.Host.Grains.GetGrain<IImportBatchGrain>(Guid.Parse(batch.Split('/')[^1]));
        await grain.AsReference<IRemindable>().ReceiveReminder("erase-rows", default);
        var erased = await admin.GetStringAsync(batch);
        Assert.Contains("Zaimportowano: 3 z 3 wierszy.", erased, StringComparison.Ordinal);
        Assert.Contains("id=\"rows-erased\"", erased, StringComparison.Ordinal);
        Assert.DoesNotContain($"anna-{u}@test.pl", erased, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Pierwsza", erased, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_with_a_bad_nip_regon_or_kind_are_reported_and_a_good_one_is_imported_after_the_fix()
    {
        var admin = await TrainingAdminAsync();
        var u = Unique();
        var nip = TestNip.For(Guid.NewGuid());
        const string Header = "Nazwa;Rodzaj;NIP;REGON;Ulica;Kod pocztowy;Miejscowość;Jednostki";
        var bad = Csv(
            Header,
            $"Gmina Dobra {u};gmina;{nip};123456785;ul. Rynek 1;62-035;Kórnik;Urząd | OPS",
            $"Firma Zła {u};firma;856-734-62-16;;ul. Polna 2;60-001;Poznań;",
            $"Powiat Zły {u};powiat;{TestNip.For(Guid.NewGuid())};123456786;ul. Długa 3;61-001;Poznań;",
            $"Coś {u};spółdzielnia;{TestNip.For(Guid.NewGuid())};;ul. Krótka 4;61-002;Poznań;",
            $"Gmina Kopia {u};gmina;{nip};;ul. Rynek 2;62-035;Kórnik;");

        var (_, report) = await UploadAsync(admin, "Clients", "klienci.csv", bad);

        var rows = Rows(report);
        Assert.Contains(">OK<", rows[2], StringComparison.Ordinal);
        Assert.Contains("NIP: " + PolishIdentifierMessages.Polish("nip.checksum"), rows[3], StringComparison.Ordinal);
        Assert.Contains("REGON: " + PolishIdentifierMessages.Polish("regon.checksum"), rows[4], StringComparison.Ordinal);
        Assert.Contains("Rodzaj: Nieznany rodzaj klienta", rows[5], StringComparison.Ordinal);
        Assert.Contains("NIP: Ta wartość powtarza się w pliku (wiersz 2).", rows[6], StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM client_projection WHERE name LIKE '%{u}'"));

        var good = Csv(Header, $"Gmina Dobra {u};Gmina;{nip};123456785;ul. Rynek 1;62-035;Kórnik;Urząd | OPS");
        var (fixedBatch, _) = await UploadAsync(admin, "Clients", "klienci.csv", good);
        await admin.PostFormAsync(fixedBatch, []);
        var units = await fixture.Host.Database.ScalarAsync<string[]>($"SELECT units FROM client_projection WHERE nip = '{nip}'");
        Assert.Equal(["Urząd", "OPS"], units!);

        var again = await UploadAsync(admin, "Clients", "klienci.csv", good);
        Assert.Contains("NIP: Klient z tym numerem NIP już istnieje.", Rows(again.Report)[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("osoby.pdf", "%PDF-1.4", "Wybierz plik CSV (.csv) lub Excel (.xlsx).")]
    [InlineData("osoby.csv", "", "Plik jest pusty.")]
    [InlineData("osoby.csv", "Imię;Nazwisko;Wiek\nAnna;Nowak;40", "Nieznana kolumna „Wiek”. Porównaj nagłówki z szablonem.")]
    [InlineData("osoby.csv", "Imię;E-mail\nAnna;a@b.pl", "W pliku brakuje kolumn: Nazwisko.")]
    [InlineData("osoby.csv", "Imię;Nazwisko\n", "Plik nie zawiera żadnego wiersza z danymi.")]
    [InlineData("osoby.xlsx", "PK\u0003\u0004 not really a workbook", "Nie udało się odczytać pliku.")]
    public async Task A_malformed_file_gets_one_clear_error_and_nothing_is_stored(string fileName, string content, string error)
    {
        var admin = await TrainingAdminAsync();
        var batches = await fixture.Host.Database.ScalarAsync<long>("SELECT count(*) FROM import_batch");

        var response = await admin.PostFileAsync("/Crm/Import", new() { ["Kind"] = "People" }, "file", fileName, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(error, FileError().Match(page).Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(batches, await fixture.Host.Database.ScalarAsync<long>("SELECT count(*) FROM import_batch"));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_or_not_in_utf8_is_refused()
    {
        var admin = await TrainingAdminAsync();
        var large = Encoding.UTF8.GetBytes(PeopleHeader + "\n" + new string('x', 5 * 1024 * 1024));
        // "Imię" as Windows-1250 writes it: ę is the single byte 0xEA, which is not UTF-8.
        byte[] windows1250 = [.. "Imi"u8, 0xEA, .. ";Nazwisko\nAnna;Nowak\n"u8];

        var tooLarge = await (await admin.PostFileAsync("/Crm/Import", new() { ["Kind"] = "People" }, "file", "duzy.csv", large)).Content.ReadAsStringAsync();
        var notUtf8 = await (await admin.PostFileAsync("/Crm/Import", new() { ["Kind"] = "People" }, "file", "ansi.csv", windows1250)).Content.ReadAsStringAsync();

        Assert.Contains("Plik jest za duży (najwięcej 5 MB).", tooLarge, StringComparison.Ordinal);
        Assert.Contains("Plik CSV musi być zapisany w kodowaniu UTF-8.", notUtf8, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_templates_have_the_polish_headers()
    {
        var admin = await TrainingAdminAsync();

        var people = await admin.GetByteArrayAsync("/Crm/Import?handler=Template&kind=People");
        var clients = await admin.GetStringAsync("/Crm/Import?handler=Template&kind=Clients");

        // Custom fields in use (other tests of the collection add some) follow the standard columns.
        var fields = await fixture.Host.Grains.GetGrain<ICustomFieldSetupGrain>(ICustomFieldSetupGrain.Key).GetAsync();
        string Custom(CustomFieldEntity entity) => string.Concat(fields.Where(f => f.Entity == entity && f.Active).Select(f => ";" + f.Name));
        Assert.Equal(PeopleHeader + Custom(CustomFieldEntity.Person) + "\r\n", Encoding.UTF8.GetString(people.AsSpan(3)));
        Assert.Equal("Nazwa;Rodzaj;NIP;REGON;Ulica;Kod pocztowy;Miejscowość;Jednostki" + Custom(CustomFieldEntity.Client), clients.Trim('\uFEFF', '\r', '\n'));
        Assert.Contains("Import z pliku", await admin.GetStringAsync("/Crm/People"), StringComparison.Ordinal);
        Assert.Contains("Import z pliku", await admin.GetStringAsync("/Crm/Clients"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_training_administrator_may_import()
    {
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, fixture.ClientA));
        var assessor = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Assessor));

        foreach (var client in new[] { partner, assessor })
        {
            var response = await client.GetAsync("/Crm/Import");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Host.Anonymous().GetAsync("/Crm/Import")).StatusCode);
    }

    /// <summary>Uploads a file and returns the address of its batch and the report shown there.</summary>
    private static async Task<(string Batch, string Report)> UploadAsync(HttpClient admin, string kind, string fileName, byte[] content)
    {
        var response = await admin.PostFileAsync("/Crm/Import", new() { ["Kind"] = kind }, "file", fileName, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var batch = response.Headers.Location!.OriginalString;
        return (batch, await admin.GetStringAsync(batch));
    }

    private async Task<HttpClient> TrainingAdminAsync() =>
        await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

    private async Task<(Guid Id, string Nip)> CreateClientAsync()
    {
        var id = Guid.NewGuid();
        var nip = TestNip.For(id);
        var result = await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(
            new ClientDetails($"Gmina Importowa {Unique()}", ClientKind.Municipality, nip, null, new Address("ul. Rynek 1", "62-035", "Kórnik"), []));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return (id, nip);
    }

    private Task<long> PeopleWithAsync(string token, string? except = null) =>
        fixture.Host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM person_projection WHERE email ILIKE '%{token}%' AND email IS DISTINCT FROM lower('{except}')");

    private static Dictionary<int, string> Rows(string report) =>
        ReportRow().Matches(report).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static byte[] Xlsx(string[] header, params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Osoby");
        foreach (var (values, r) in rows.Prepend(header).Select((v, i) => (v, i + 1)))
        {
            for (var c = 0; c < values.Length; c++)
            {
                // Text cells, as the page asks: a PESEL typed as a number would lose its leading zero.
                sheet.Cell(r, c + 1).Style.NumberFormat.Format = "@";
                sheet.Cell(r, c + 1).SetValue(values[c]);
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Unique() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid PESEL not used by other tests: a random birth date in the 1900s and a random serial.</summary>
    private static string UniquePesel()
    {
        int[] weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        var born = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(18_000));
        var body = $"{born.Year % 100:D2}{born.Month:D2}{born.Day:D2}{Random.Shared.Next(10_000):D4}";
        var check = (10 - (body.Select((d, i) => (d - '0') * weights[i]).Sum() % 10)) % 10;
        return body + check;
    }

    [GeneratedRegex("""<tr id="row-(\d+)"[^>]*>(.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex ReportRow();

    [GeneratedRegex("""href="/Crm/People/Details/[0-9a-f-]+">Utworzono""")]
    private static partial Regex PersonLink();

    [GeneratedRegex("""<p class="error" role="alert" id="file-error">([^<]*)</p>""")]
    private static partial Regex FileError();
}
