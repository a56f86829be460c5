using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>
/// The "own list" access level: an account manager reaches the clients in their care and those clients' people, in
/// lists, searches, record pages and the API, and nothing of anyone else's, whatever they type or post.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccountManagerTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_account_manager_lists_and_searches_only_their_clients_and_their_people()
    {
        var (mine, theirs) = (await ClientAsync("Opiekowana"), await ClientAsync("Obca"));
        var (ours, foreign) = (await PersonAsync(mine, "Nasza"), await PersonAsync(theirs, "Obcowska"));
        var (_, manager) = await ManagerAsync(mine);

        var clients = await manager.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients");
        var people = await manager.GetFromJsonAsync<ApiPage<ApiPerson>>("/api/people");
        Assert.Equal([mine], clients!.Items.Select(c => c.Id));
        Assert.Equal([ours], people!.Items.Select(p => p.Id));
        Assert.Empty((await manager.GetFromJsonAsync<ApiPage<ApiPerson>>("/api/people?search=Obcowska"))!.Items);
        Assert.Empty((await manager.GetFromJsonAsync<ApiPage<ApiPerson>>($"/api/people?clientId={theirs}"))!.Items);
        Assert.Empty((await manager.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients?search=Obca"))!.Items);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/clients/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/people/{ours}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/clients/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/people/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/clients", new { Name = "X" })).StatusCode);

        var clientList = await manager.GetStringAsync("/Crm/Clients");
        Assert.Contains("<h1>Moi klienci</h1>", clientList, StringComparison.Ordinal);
        Assert.Contains(mine.ToString(), clientList, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), clientList, StringComparison.Ordinal);
        Assert.DoesNotContain("Dodaj klienta", clientList, StringComparison.Ordinal);
        var peopleList = await manager.GetStringAsync("/Crm/People?search=Anna");
        Assert.Contains(ours.ToString(), peopleList, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.ToString(), peopleList, StringComparison.Ordinal);
        Assert.Contains("Moi klienci", await manager.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_pages_of_clients_and_people_outside_their_care_answer_as_if_they_did_not_exist()
    {
        var (mine, theirs) = (await ClientAsync("Opiekowana"), await ClientAsync("Obca"));
        var (ours, foreign) = (await PersonAsync(mine, "Nasza"), await PersonAsync(theirs, "Obcowska"));
        var (_, manager) = await ManagerAsync(mine);

        foreach (var (own, other) in RecordPages(mine, theirs, ours, foreign))
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(own)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(other)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/Crm/Clients/Create")]
    [InlineData("/Crm/Fields")]
    [InlineData("/Crm/Import")]
    [InlineData("/Training/Orders")]
    [InlineData("/Training/Setup")]
    [InlineData("/Mail")]
    [InlineData("/Admin/Users")]
    [InlineData("/Exams/Sessions")]
    public async Task The_offices_other_pages_are_closed_to_an_account_manager(string path)
    {
        var (_, manager) = await ManagerAsync(await ClientAsync("Opiekowana"));

        var response = await manager.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_posted_about_records_outside_their_care_is_kept()
    {
        var (mine, theirs) = (await ClientAsync("Opiekowana"), await ClientAsync("Obca"));
        var (ours, foreign) = (await PersonAsync(mine, "Nasza"), await PersonAsync(theirs, "Obcowska"));
        var (_, manager) = await ManagerAsync(mine);
        var tokenPage = $"/Crm/People/Details/{ours}";
        var tag = Guid.NewGuid().ToString("N")[..8];

        var posts = new (string Action, Dictionary<string, string> Fields)[]
        {
            ($"/Crm/Clients/Edit/{theirs}", ClientForm(theirs, "Przejęta")),
            // The id in the form instead of the address: the client grain still refuses a client outside the scope.
            ($"/Crm/Clients/Edit/{mine}", new(ClientForm(theirs, "Przejęta")) { ["Id"] = theirs.ToString() }),
            ($"/Crm/People/Edit/{foreign}", PersonForm(theirs, $"Przejęta{tag}")),
            ($"/Crm/People/History/{foreign}?handler=Note", Note("Notatka o obcej osobie")),
            ($"/Crm/Clients/History/{theirs}?handler=Note", Note("Notatka o obcym kliencie")),
            ($"/Crm/People/Employment/{foreign}?handler=Leave", new() { ["Leave.Until"] = Today(), ["Leave.Version"] = "1" }),
            ($"/Crm/People/Employment/{foreign}?handler=ChangeJob", new() { ["Job.ClientId"] = mine.ToString(), ["Job.From"] = Today(), ["Job.Version"] = "1" }),
            ($"/Crm/Fields/Values/Person/{foreign}", []),
            ($"/Crm/Fields/Values/Client/{theirs}", []),
        };
        foreach (var (action, fields) in posts)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostFormAsync(tokenPage, fields, action)).StatusCode);
        }

        var moved = await manager.PostFormAsync(tokenPage, PersonForm(theirs, $"Przeniesiona{tag}"), $"/Crm/People/Edit/{ours}");
        var created = await manager.PostFormAsync(tokenPage, PersonForm(theirs, $"Wstawiona{tag}"), "/Crm/People/Create");
        Assert.Contains("poza Twoim zakresem", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("poza Twoim zakresem", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal($"Gmina Obca {theirs:N}", (await fixture.Host.Grains.GetGrain<IClientGrain>(theirs).GetAsync())!.Details.Name);
        Assert.Equal(1, (await fixture.Host.Grains.GetGrain<IPersonGrain>(foreign).GetAsync())!.Version);
        Assert.Equal(mine, (await fixture.Host.Grains.GetGrain<IPersonGrain>(ours).GetAsync())!.Details.ClientId);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM contact_note WHERE person_id = '{foreign}' OR client_id = '{theirs}'"));
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM person_projection WHERE last_name LIKE '%{tag}'"));
    }

    [Fact]
    public async Task An_account_manager_keeps_their_clients_and_people_up_to_date()
    {
        var mine = await ClientAsync("Opiekowana");
        var ours = await PersonAsync(mine, "Nasza");
        var (_, manager) = await ManagerAsync(mine);

        var edited = await manager.PostFormAsync($"/Crm/Clients/Edit/{mine}", ClientForm(mine, "Po zmianie", version: 2));
        var person = await manager.PostFormAsync($"/Crm/People/Edit/{ours}", PersonForm(mine, "Poprawiona"));
        var created = await manager.PostFormAsync("/Crm/People/Create", PersonForm(mine, "Nowa"));
        var noted = await manager.PostFormAsync($"/Crm/People/History/{ours}", Note("Rozmowa o szkoleniu z RODO"), $"/Crm/People/History/{ours}?handler=Note");

        Assert.All(new[] { edited, person, created, noted }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal("Gmina Po zmianie", (await fixture.Host.Grains.GetGrain<IClientGrain>(mine).GetAsync())!.Details.Name);
        Assert.Equal("Poprawiona", (await fixture.Host.Grains.GetGrain<IPersonGrain>(ours).GetAsync())!.Details.LastName);
        Assert.Equal(1L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE client_id = '{mine}' AND last_name = 'Nowa'"));
        Assert.Contains("Rozmowa o szkoleniu z RODO", await manager.GetStringAsync($"/Crm/People/History/{ours}"), StringComparison.Ordinal);

        // Consents are the office's to record: the manager reads them.
        var consents = await manager.GetStringAsync($"/Crm/Consents/{ours}");
        Assert.Contains("id=\"consents-office\"", consents, StringComparison.Ordinal);
        var recorded = await manager.PostFormAsync(
            $"/Crm/People/Details/{ours}", new() { ["purpose"] = "Marketing", ["given"] = "true", ["source"] = "telefon" }, $"/Crm/Consents/{ours}");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", recorded.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_consent WHERE person_id = '{ours}' AND marketing"));
    }

    [Fact]
    public async Task A_change_of_caretakers_counts_from_the_next_request_without_signing_in_again()
    {
        var client = await ClientAsync("Przekazywana");
        var person = await PersonAsync(client, "Przekazywana");
        var (account, manager) = await ManagerAsync();
        var caretakers = fixture.Host.Services.GetRequiredService<Caretakers>();

        Assert.Empty((await manager.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients"))!.Items);
        Assert.True((await caretakers.AssignAsync(client, account, "test")).Succeeded);
        Assert.Equal([client], (await manager.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients"))!.Items.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Crm/People/Details/{person}")).StatusCode);

        Assert.True((await caretakers.RemoveAsync(client, account, "test")).Succeeded);
        Assert.Empty((await manager.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients"))!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Crm/People/Details/{person}")).StatusCode);
    }

    [Fact]
    public async Task An_account_manager_with_no_clients_sees_nothing()
    {
        var client = await ClientAsync("Niczyja");
        var person = await PersonAsync(client, "Niczyja");
        var (_, manager) = await ManagerAsync();

        Assert.Empty((await manager.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients"))!.Items);
        Assert.Empty((await manager.GetFromJsonAsync<ApiPage<ApiPerson>>("/api/people"))!.Items);
        Assert.Contains("Znaleziono: 0", await manager.GetStringAsync("/Crm/Clients"), StringComparison.Ordinal);
        Assert.Contains("Znaleziono: 0", await manager.GetStringAsync("/Crm/People"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/people/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Crm/Clients/Details/{client}")).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_warning_counts_people_at_other_clients_without_naming_them()
    {
        var (mine, theirs) = (await ClientAsync("Opiekowana"), await ClientAsync("Obca"));
        var email = $"zdublowana.{Guid.NewGuid():N}@example.pl";
        Assert.True((await fixture.Host.Grains.GetGrain<IPersonGrain>(Guid.NewGuid()).CreateAsync(
            new PersonDetails("Zofia", "Tajemnicza", email, null, null, theirs, null, "Skarbnik"))).Succeeded);
        var (_, manager) = await ManagerAsync(mine);

        var response = await manager.PostFormAsync("/Crm/People/Create", new(PersonForm(mine, "Nowakowska")) { ["Form.Email"] = email });

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"duplicates-elsewhere\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tajemnicza", page, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString("N"), page, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE last_name = 'Nowakowska' AND client_id = '{mine}'"));
    }

    [Fact]
    public async Task Notes_are_kept_only_about_clients_in_scope_and_their_current_people()
    {
        var (mine, theirs) = (await ClientAsync("Opiekowana"), await ClientAsync("Obca"));
        var (ours, foreign) = (await PersonAsync(mine, "Nasza"), await PersonAsync(theirs, "Obcowska"));
        var notes = fixture.Host.Services.GetRequiredService<ContactNotes>();
        var scope = ClientScope.Of([mine]);
        ContactNote About(Guid? person, Guid? client) => new(Guid.NewGuid(), ContactNoteKind.Call, DateTimeOffset.UtcNow.AddHours(-1), person, client, "Telefon", "manager");

        var refused = new[]
        {
            await notes.AddAsync(About(foreign, theirs), scope),
            await notes.AddAsync(About(foreign, mine), scope),
            await notes.AddAsync(About(ours, theirs), scope),
            await notes.AddAsync(About(null, theirs), scope),
        };
        var kept = new[] { await notes.AddAsync(About(ours, mine), scope), await notes.AddAsync(About(null, mine), scope) };

        Assert.All(refused, r => Assert.Equal(ContactNotes.OutOfScope, Assert.Single(r.Errors).Code));
        Assert.All(kept, r => Assert.True(r.Succeeded));
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM contact_note WHERE person_id = '{foreign}' OR client_id = '{theirs}'"));
    }

    [Fact]
    public async Task Custom_values_are_read_only_for_clients_in_scope_and_their_people()
    {
        var (mine, theirs) = (await ClientAsync("Opiekowana"), await ClientAsync("Obca"));
        var (ours, foreign) = (await PersonAsync(mine, "Nasza"), await PersonAsync(theirs, "Obcowska"));
        var field = Guid.NewGuid();
        await fixture.Host.Database.ExecuteAsync(
            $"""
            INSERT INTO custom_value (entity_id, entity_type, field_id, value) VALUES
                ('{mine}', 1, '{field}', 'a'), ('{theirs}', 1, '{field}', 'b'), ('{ours}', 2, '{field}', 'c'), ('{foreign}', 2, '{field}', 'd')
            """);

        var values = await fixture.Host.Services.GetRequiredService<CustomFieldQueries>().ValuesAsync(CrmScope.CaredFor([mine]), [mine, theirs, ours, foreign]);

        Assert.Equal(new[] { mine, ours }.Order(), values.Keys.Order());
    }

    [Fact]
    public async Task A_persons_history_shows_an_account_manager_only_what_happened_while_they_worked_at_their_clients()
    {
        var (before, mine) = (await ClientAsync("Poprzednia"), await ClientAsync("Opiekowana"));
        var person = await PastEmployment.CreateAsync(
            fixture.Host.Grains, fixture.Host.Database, new PersonDetails("Ewa", "Przeniesiona", null, null, null, before, null, "Referentka"), 30);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Crm/People/History/{person}";
        await admin.PostFormAsync(page, Note("Rozmowa z czasów poprzedniej pracy", daysAgo: 10), page + "?handler=Note");
        Assert.True((await fixture.Host.Grains.GetGrain<IPersonGrain>(person).ChangeJobAsync(1, mine, null, "Inspektorka", PastEmployment.Today.AddDays(-2), ClientScope.All, "office")).Succeeded);
        await admin.PostFormAsync(page, Note("Rozmowa po przejściu", daysAgo: 1), page + "?handler=Note");
        var (_, manager) = await ManagerAsync(mine);

        var history = WebUtility.HtmlDecode(await manager.GetStringAsync(page));
        var details = await manager.GetStringAsync($"/Crm/People/Details/{person}");

        Assert.Contains("Rozmowa po przejściu", history, StringComparison.Ordinal);
        Assert.DoesNotContain("Rozmowa z czasów poprzedniej pracy", history, StringComparison.Ordinal);
        Assert.DoesNotContain($"Gmina Poprzednia {before:N}", history, StringComparison.Ordinal);
        Assert.DoesNotContain(before.ToString(), details, StringComparison.Ordinal);
        Assert.Contains("Rozmowa z czasów poprzedniej pracy", WebUtility.HtmlDecode(await admin.GetStringAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_assigns_a_client_on_its_page_and_the_change_is_in_the_clients_history()
    {
        var client = await ClientAsync("Przydzielana");
        var (account, _) = await ManagerAsync();
        var (other, _) = await fixture.Host.CreateAccountAsync(Roles.ExamOperator);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Crm/Clients/Caretakers/{client}";

        var assigned = await admin.PostFormAsync(page, new() { ["accountId"] = account.ToString() }, page + "?handler=Assign");
        var notAManager = await admin.PostFormAsync(page, new() { ["accountId"] = other.ToString() }, page + "?handler=Assign");

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains(
            "Opiekunem klienta może być tylko aktywne konto z rolą opiekuna klientów.",
            WebUtility.HtmlDecode(await notAManager.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Equal([account], (await fixture.Host.Database.ScalarAsync<Guid[]>($"SELECT array_agg(account_id) FROM client_caretaker WHERE client_id = '{client}'"))!);
        Assert.Contains("Test AccountManager", await admin.GetStringAsync($"/Crm/Clients/Details/{client}"), StringComparison.Ordinal);
        Assert.Contains("data-kind=\"caretaker.assigned\"", await admin.GetStringAsync($"/Crm/Clients/History/{client}?category=Caretaker"), StringComparison.Ordinal);

        var removed = await admin.PostFormAsync(page, new() { ["accountId"] = account.ToString() }, page + "?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM client_caretaker WHERE client_id = '{client}'"));
    }

    [Fact]
    public async Task A_system_administrator_sees_and_changes_an_account_managers_clients_on_the_accounts_page()
    {
        var client = await ClientAsync("Z konta");
        var (account, _) = await ManagerAsync();
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.SystemAdmin));
        var page = $"/Admin/Users/Edit/{account}";

        var assigned = await admin.PostFormAsync(page, new() { ["clientId"] = client.ToString() }, page + "?handler=Assign");

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains($"<td>Gmina Z konta {client:N}</td>", await admin.GetStringAsync(page), StringComparison.Ordinal);
        var removed = await admin.PostFormAsync(page, new() { ["clientId"] = client.ToString() }, page + "?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain($"<td>Gmina Z konta {client:N}</td>", await admin.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_cannot_be_both_a_partner_administrator_and_an_account_manager()
    {
        var (id, errors) = await fixture.Host.Services.GetRequiredService<AccountAdministration>().CreateAsync(
            new AccountDetails($"oba-{Guid.NewGuid():N}@test.pl", "Oba", [Roles.PartnerAdmin, Roles.AccountManager], fixture.ClientA, false),
            PortalHost.Password);

        Assert.Null(id);
        Assert.Contains(errors, e => e.Code == AccountRules.PartnerNotCaretaker);
    }

    private static IEnumerable<(string Own, string Other)> RecordPages(Guid mine, Guid theirs, Guid ours, Guid foreign) =>
    [
        ($"/Crm/Clients/Details/{mine}", $"/Crm/Clients/Details/{theirs}"),
        ($"/Crm/Clients/Edit/{mine}", $"/Crm/Clients/Edit/{theirs}"),
        ($"/Crm/Clients/History/{mine}", $"/Crm/Clients/History/{theirs}"),
        ($"/Crm/People/Details/{ours}", $"/Crm/People/Details/{foreign}"),
        ($"/Crm/People/Edit/{ours}", $"/Crm/People/Edit/{foreign}"),
        ($"/Crm/People/Employment/{ours}", $"/Crm/People/Employment/{foreign}"),
        ($"/Crm/People/History/{ours}", $"/Crm/People/History/{foreign}"),
        ($"/Crm/Consents/{ours}", $"/Crm/Consents/{foreign}"),
        ($"/Crm/Fields/Values/Person/{ours}", $"/Crm/Fields/Values/Person/{foreign}"),
        ($"/Crm/Fields/Values/Client/{mine}", $"/Crm/Fields/Values/Client/{theirs}"),
    ];

    private static Dictionary<string, string> ClientForm(Guid id, string name, int version = 1) => new()
    {
        ["Form.Name"] = $"Gmina {name}",
        ["Form.Kind"] = nameof(ClientKind.Municipality),
        ["Form.Nip"] = TestNip.For(id),
        ["Form.Street"] = "ul. Rynek 1",
        ["Form.PostalCode"] = "60-001",
        ["Form.City"] = "Poznań",
        ["Form.Version"] = version.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> PersonForm(Guid client, string lastName) => new()
    {
        ["Form.FirstName"] = "Anna",
        ["Form.LastName"] = lastName,
        ["Form.ClientId"] = client.ToString(),
        ["Form.Position"] = "Referentka",
        ["Form.Version"] = "1",
        ["NotADuplicate"] = "false",
    };

    private static Dictionary<string, string> Note(string text, int daysAgo = 0) => new()
    {
        ["Note.Id"] = Guid.NewGuid().ToString(),
        ["Note.Kind"] = "Note",
        ["Note.At"] = PastEmployment.Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(daysAgo == 0 ? 0 : 10, 0)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        ["Note.Text"] = text,
    };

    private static string Today() => PastEmployment.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A signed-in account manager looking after <paramref name="clients"/>.</summary>
    private async Task<(Guid Account, HttpClient Client)> ManagerAsync(params Guid[] clients)
    {
        var (account, email) = await fixture.Host.CreateAccountAsync(Roles.AccountManager);
        foreach (var client in clients)
        {
            var result = await fixture.Host.Services.GetRequiredService<Caretakers>().AssignAsync(client, account, "test");
            Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        }

        return (account, await fixture.Host.SignedInAsync(email));
    }

    private async Task<Guid> ClientAsync(string name)
    {
        var id = Guid.NewGuid();
        var result = await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(
            new ClientDetails($"Gmina {name} {id:N}", ClientKind.Municipality, TestNip.For(id), null, new Address("ul. Rynek 1", "60-001", "Poznań"), []));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return id;
    }

    private async Task<Guid> PersonAsync(Guid client, string lastName)
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Host.Grains.GetGrain<IPersonGrain>(id).CreateAsync(new PersonDetails("Anna", lastName, null, null, null, client, null, "Referentka"))).Succeeded);
        return id;
    }

    private sealed record ApiPage<T>(List<T> Items, int Total);

    private sealed record ApiClient(Guid Id, string Name);

    private sealed record ApiPerson(Guid Id, Guid? ClientId, string LastName);
}
