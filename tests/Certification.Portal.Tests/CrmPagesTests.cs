using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Domain;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed partial class CrmPagesTests(PortalFixture fixture)
{
    // A valid PESEL (born 14 May 1944) and the same with its check digit changed.
    private const string ValidPesel = "44051401359";
    private const string WrongPesel = "44051401358";

    // NIPs must be unique in the shared database: each test run starts from a random 9-digit body and counts up.
    private static int _nipBody = RandomNumberGenerator.GetInt32(100_000, 1_000_000) * 1000;

    [Fact]
    public async Task A_client_created_through_the_form_is_shown_with_its_units()
    {
        var admin = await TrainingAdminAsync();
        var name = $"Gmina Śrem {Unique()}";
        var nip = NextNip();

        var response = await admin.PostFormAsync("/Crm/Clients/Create", new()
        {
            ["Form.Name"] = name,
            ["Form.Kind"] = nameof(ClientKind.Municipality),
            ["Form.Nip"] = $"{nip[..3]}-{nip[3..6]}-{nip[6..8]}-{nip[8..]}",
            ["Form.Street"] = "ul. Poznańska 5",
            ["Form.PostalCode"] = "63-100",
            ["Form.City"] = "Śrem",
            ["Form.Units"] = "Urząd Miejski\r\nOśrodek Pomocy Społecznej",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = DetailsLink().Match(response.Headers.Location!.OriginalString);
        Assert.True(location.Success, response.Headers.Location.OriginalString);
        var id = Guid.Parse(location.Groups[1].Value);
        var details = await admin.GetStringAsync($"/Crm/Clients/Details/{id}");
        Assert.Contains($"<h1>{name}</h1>", details, StringComparison.Ordinal);
        Assert.Contains("Urząd Miejski, Ośrodek Pomocy Społecznej", details, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"client-nip\">{nip}</dd>", details, StringComparison.Ordinal);
        Assert.Contains("ul. Poznańska 5, 63-100 Śrem", details, StringComparison.Ordinal);
        var stored = await fixture.Host.Grains.GetGrain<IClientGrain>(id).GetAsync();
        Assert.Equal(ClientKind.Municipality, stored!.Details.Kind);
        Assert.Equal(["Urząd Miejski", "Ośrodek Pomocy Społecznej"], stored.Details.Units);
    }

    [Fact]
    public async Task A_wrong_postal_code_is_shown_in_polish_and_nothing_is_created()
    {
        var admin = await TrainingAdminAsync();
        var name = $"Gmina Bez Kodu {Unique()}";
        var nip = NextNip();
        var clients = await ClientCountAsync();

        var response = await admin.PostFormAsync("/Crm/Clients/Create", new()
        {
            ["Form.Name"] = name,
            ["Form.Kind"] = nameof(ClientKind.Municipality),
            ["Form.Nip"] = nip,
            ["Form.Street"] = "ul. Rynek 1",
            ["Form.PostalCode"] = "62035",
            ["Form.City"] = "Kórnik",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kod pocztowy ma postać 00-000.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"62035\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", page, StringComparison.Ordinal);
        Assert.Equal(clients, await ClientCountAsync());
        Assert.Equal(0, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM client_projection WHERE nip = '{nip}' OR name = '{name}'"));
    }

    [Fact]
    public async Task Saving_an_edit_of_a_stale_version_is_refused_and_keeps_the_newer_data()
    {
        var admin = await TrainingAdminAsync();
        var id = Guid.NewGuid();
        var nip = NextNip();
        var original = Client($"Gmina Pierwotna {Unique()}", nip);
        Assert.True((await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(original)).Succeeded);
        var newer = original with { Name = original.Name + " (zmieniona)" };
        Assert.True((await fixture.Host.Grains.GetGrain<IClientGrain>(id).UpdateAsync(1, newer, ClientScope.All)).Succeeded);

        var response = await admin.PostFormAsync($"/Crm/Clients/Edit/{id}", new()
        {
            ["Form.Name"] = original.Name + " (nieaktualna)",
            ["Form.Kind"] = nameof(ClientKind.Municipality),
            ["Form.Nip"] = nip,
            ["Form.Street"] = "ul. Rynek 1",
            ["Form.PostalCode"] = "62-035",
            ["Form.City"] = "Kórnik",
            ["Form.Version"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ktoś zmienił te dane", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await fixture.Host.Grains.GetGrain<IClientGrain>(id).GetAsync();
        Assert.Equal(2, stored!.Version);
        Assert.Equal(newer.Name, stored.Details.Name);
        Assert.Equal(newer.Name, await fixture.Host.Database.ScalarAsync<string>($"SELECT name FROM client_projection WHERE id = '{id}'"));
        Assert.Contains($"<h1>{newer.Name}</h1>", await admin.GetStringAsync($"/Crm/Clients/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_list_finds_a_client_by_part_of_its_name_by_nip_and_ignoring_case()
    {
        var admin = await TrainingAdminAsync();
        var token = Unique();
        var nip = NextNip();
        var id = await CreateClientAsync($"Spółdzielnia Łąkowa {token}", nip);
        var link = $"/Crm/Clients/Details/{id}";

        foreach (var search in new[] { token, $"łąkowa {token}", nip, $"SPÓŁDZIELNIA ŁĄKOWA {token.ToUpperInvariant()}" })
        {
            var page = await admin.GetStringAsync($"/Crm/Clients?search={Uri.EscapeDataString(search)}");
            Assert.Contains(link, page, StringComparison.Ordinal);
            Assert.Contains("Znaleziono: 1<", page, StringComparison.Ordinal);
        }

        var other = await admin.GetStringAsync($"/Crm/Clients?search={Uri.EscapeDataString(Unique())}");
        Assert.DoesNotContain(link, other, StringComparison.Ordinal);
        Assert.Contains("Znaleziono: 0<", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_list_shows_further_matches_on_the_next_page()
    {
        var admin = await TrainingAdminAsync();
        var prefix = $"Stronicowanie {Unique()}";
        var count = 27;
        for (var i = 1; i <= count; i++)
        {
            await CreateClientAsync($"{prefix} {i:D2}", NextNip());
        }

        var first = await admin.GetStringAsync($"/Crm/Clients?search={Uri.EscapeDataString(prefix)}");
        var second = await admin.GetStringAsync($"/Crm/Clients?search={Uri.EscapeDataString(prefix)}&pageNumber=2");

        Assert.Contains($"Znaleziono: {count}<", first, StringComparison.Ordinal);
        Assert.Equal(
            Enumerable.Range(1, 25).Select(i => $"{prefix} {i:D2}"),
            ListedNames(first));
        Assert.Contains("Strona 1 z 2", first, StringComparison.Ordinal);
        Assert.Equal([$"{prefix} 26", $"{prefix} 27"], ListedNames(second));
        Assert.Contains("Strona 2 z 2", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_created_through_the_form_shows_on_their_clients_page()
    {
        var admin = await TrainingAdminAsync();
        var clientId = await CreateClientAsync($"Gmina Osobowa {Unique()}", NextNip());
        var lastName = $"Żurawska-{Unique()}";

        var response = await admin.PostFormAsync($"/Crm/People/Create?clientId={clientId}", new()
        {
            ["Form.FirstName"] = "Małgorzata",
            ["Form.LastName"] = lastName,
            ["Form.Email"] = "m.zurawska@example.pl",
            ["Form.Pesel"] = ValidPesel,
            ["Form.ClientId"] = clientId.ToString(),
        }, "/Crm/People/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = PersonLink().Match(response.Headers.Location!.OriginalString);
        Assert.True(location.Success, response.Headers.Location.OriginalString);
        var personId = Guid.Parse(location.Groups[1].Value);
        var clientPage = await admin.GetStringAsync($"/Crm/Clients/Details/{clientId}");
        Assert.Contains($"/Crm/People/Details/{personId}", clientPage, StringComparison.Ordinal);
        Assert.Contains($"{lastName} Małgorzata", clientPage, StringComparison.Ordinal);
        Assert.Contains("m.zurawska@example.pl", clientPage, StringComparison.Ordinal);
        var stored = await fixture.Host.Grains.GetGrain<IPersonGrain>(personId).GetAsync();
        Assert.Equal(clientId, stored!.Details.ClientId);
    }

    [Fact]
    public async Task An_invalid_pesel_is_refused_with_the_polish_message()
    {
        var admin = await TrainingAdminAsync();
        var lastName = $"Błędna-{Unique()}";
        var people = await fixture.Host.Database.ScalarAsync<long>("SELECT count(*) FROM person_projection");

        var response = await admin.PostFormAsync("/Crm/People/Create", new()
        {
            ["Form.FirstName"] = "Jan",
            ["Form.LastName"] = lastName,
            ["Form.Pesel"] = WrongPesel,
            ["Form.ClientId"] = fixture.ClientA.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(PolishIdentifierMessages.Polish("pesel.checksum"), page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{lastName}\"", page, StringComparison.Ordinal);
        Assert.Equal(people, await fixture.Host.Database.ScalarAsync<long>("SELECT count(*) FROM person_projection"));
        Assert.Equal(0, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE last_name = '{lastName}'"));
    }

    [Fact]
    public async Task The_person_page_shows_only_the_first_six_digits_of_the_pesel()
    {
        var admin = await TrainingAdminAsync();
        var personId = Guid.NewGuid();
        var lastName = $"Peselowa-{Unique()}";
        var created = await fixture.Host.Grains.GetGrain<IPersonGrain>(personId).CreateAsync(
            new PersonDetails("Ewa", lastName, null, null, ValidPesel, fixture.ClientA, null, null));
        Assert.True(created.Succeeded);

        var page = await admin.GetStringAsync($"/Crm/People/Details/{personId}");

        Assert.Contains($"<dd>{ValidPesel[..6]}•••••</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidPesel, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidPesel, await admin.GetStringAsync($"/Crm/People?search={Uri.EscapeDataString(lastName)}"), StringComparison.Ordinal);
        Assert.DoesNotContain(ValidPesel, await admin.GetStringAsync($"/Crm/Clients/Details/{fixture.ClientA}"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> TrainingAdminAsync() =>
        await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

    private Task<long> ClientCountAsync() => fixture.Host.Database.ScalarAsync<long>("SELECT count(*) FROM client_projection");

    private async Task<Guid> CreateClientAsync(string name, string nip)
    {
        var id = Guid.NewGuid();
        var result = await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(Client(name, nip));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return id;
    }

    private static ClientDetails Client(string name, string nip) =>
        new(name, ClientKind.Municipality, nip, null, new Address("ul. Rynek 1", "62-035", "Kórnik"), []);

    private static List<string> ListedNames(string page) =>
        [.. ListedClient().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static string Unique() => "T" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The next valid NIP: nine digits counted up from a random start, then the weighted check digit (a remainder of 10 is never issued).</summary>
    private static string NextNip()
    {
        int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        while (true)
        {
            var body = Interlocked.Increment(ref _nipBody).ToString("D9", CultureInfo.InvariantCulture);
            var check = body.Select((digit, i) => (digit - '0') * weights[i]).Sum() % 11;
            if (check < 10)
            {
                return body + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    [GeneratedRegex("^/Crm/Clients/Details/([0-9a-f-]{36})$")]
    private static partial Regex DetailsLink();

    [GeneratedRegex("^/Crm/People/Details/([0-9a-f-]{36})$")]
    private static partial Regex PersonLink();

    [GeneratedRegex("<td><a href=\"/Crm/Clients/Details/[0-9a-f-]{36}\">([^<]*)</a></td>")]
    private static partial Regex ListedClient();
}
