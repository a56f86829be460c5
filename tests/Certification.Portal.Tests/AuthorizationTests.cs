using System.Net;
using System.Net.Http.Json;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

public sealed class PortalFixture : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;

    /// <summary>The clock of exams and validations: a test moves it to pass a deadline and moves it back.</summary>
    public ShiftableClock ExamClock { get; } = new();

    public Guid ClientA { get; } = Guid.NewGuid();

    public Guid ClientB { get; } = Guid.NewGuid();

    public Guid PersonOfA { get; } = Guid.NewGuid();

    public Guid PersonOfB { get; } = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartAsync(examClock: ExamClock);
        await Host.Grains.GetGrain<IClientGrain>(ClientA).CreateAsync(Client("Gmina Alfa", "8567346215"));
        await Host.Grains.GetGrain<IClientGrain>(ClientB).CreateAsync(Client("Gmina Beta", "5260250274"));
        await Host.Grains.GetGrain<IPersonGrain>(PersonOfA).CreateAsync(new PersonDetails("Anna", "Alfowa", "anna@alfa.pl", null, null, ClientA, null, "Referent"));
        await Host.Grains.GetGrain<IPersonGrain>(PersonOfB).CreateAsync(new PersonDetails("Bogdan", "Betowy", "bogdan@beta.pl", null, null, ClientB, null, "Sekretarz"));
    }

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();

    private static ClientDetails Client(string name, string nip) =>
        new(name, ClientKind.Municipality, nip, null, new Address("ul. Rynek 1", "62-035", "Kórnik"), []);
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}

[Collection(PortalCollection.Name)]
public sealed class AuthorizationTests(PortalFixture fixture)
{
    public static TheoryData<string, string, bool> RolePages => new()
    {
        { Roles.SystemAdmin, "/Admin/Users", true },
        { Roles.SystemAdmin, "/Admin/Projections", true },
        { Roles.SystemAdmin, "/Crm/Clients", false },
        { Roles.TrainingAdmin, "/Crm/Clients", true },
        { Roles.TrainingAdmin, "/Crm/People", true },
        { Roles.TrainingAdmin, "/Crm/Clients/Create", true },
        { Roles.TrainingAdmin, "/Admin/Users", false },
        { Roles.TrainingAdmin, "/Partner/People", false },
        { Roles.ExamOperator, "/", true },
        { Roles.ExamOperator, "/Crm/Clients", false },
        { Roles.ExamOperator, "/Admin/Users", false },
        { Roles.Assessor, "/", true },
        { Roles.Assessor, "/Crm/People", false },
        { Roles.Candidate, "/", true },
        { Roles.Candidate, "/Crm/Clients", false },
        { Roles.Candidate, "/Partner/People", false },
        { Roles.PartnerAdmin, "/Partner/People", true },
        { Roles.PartnerAdmin, "/Crm/Clients", false },
        { Roles.PartnerAdmin, "/Crm/People", false },
        { Roles.PartnerAdmin, "/Admin/Users", false },
        { Roles.AccountManager, "/Crm/Clients", true },
        { Roles.AccountManager, "/Crm/People", true },
        { Roles.AccountManager, "/Crm/People/Create", true },
        { Roles.AccountManager, "/Crm/Clients/Create", false },
        { Roles.AccountManager, "/Partner/People", false },
        { Roles.AccountManager, "/Admin/Users", false },
        { Roles.AccountManager, "/Mail", false },
        { Roles.SystemAdmin, "/Mail", true },
        { Roles.TrainingAdmin, "/Mail", true },
        { Roles.ExamOperator, "/Mail", false },
        { Roles.Candidate, "/Mail", false },
        { Roles.PartnerAdmin, "/Mail", false },
    };

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task Each_role_reaches_its_own_pages_and_is_refused_others(string role, string path, bool allowed)
    {
        var client = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(role, role == Roles.PartnerAdmin ? fixture.ClientA : null));

        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Crm/Clients")]
    [InlineData("/Admin/Users")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await fixture.Host.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_with_status_codes_not_sign_in_pages()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Host.Anonymous().GetAsync("/api/clients")).StatusCode);

        var operatorClient = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.ExamOperator));
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/clients")).StatusCode);

        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = await admin.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients?search=Gmina");
        Assert.Contains(page!.Items, c => c.Name == "Gmina Alfa");
        Assert.Contains(page.Items, c => c.Name == "Gmina Beta");
    }

    [Fact]
    public async Task A_partner_administrator_reads_only_their_own_organisation()
    {
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, fixture.ClientA));

        var people = await partner.GetFromJsonAsync<ApiPage<ApiPerson>>("/api/people");
        Assert.All(people!.Items, p => Assert.Equal(fixture.ClientA, p.ClientId));
        Assert.Contains(people.Items, p => p.Id == fixture.PersonOfA);
        var clients = await partner.GetFromJsonAsync<ApiPage<ApiClient>>("/api/clients");
        Assert.Equal([fixture.ClientA], clients!.Items.Select(c => c.Id));

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/people/{fixture.PersonOfA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Partner/People/Details/{fixture.PersonOfA}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/people/{fixture.PersonOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/clients/{fixture.ClientB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Partner/People/Details/{fixture.PersonOfB}")).StatusCode);
        Assert.Empty((await partner.GetFromJsonAsync<ApiPage<ApiPerson>>($"/api/people?clientId={fixture.ClientB}"))!.Items);
        Assert.Empty((await partner.GetFromJsonAsync<ApiPage<ApiPerson>>("/api/people?search=Betowy"))!.Items);
        Assert.Equal(HttpStatusCode.Redirect, (await partner.GetAsync($"/Crm/People/Details/{fixture.PersonOfB}")).StatusCode);
        Assert.DoesNotContain(fixture.PersonOfB.ToString(), await partner.GetStringAsync("/Partner/People?search=Betowy"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync("/api/clients", new { Name = "X" })).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

        var response = await admin.PostAsync("/Crm/Clients/Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Name"] = "Bez tokenu" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed record ApiPage<T>(List<T> Items, int Total);

    private sealed record ApiClient(Guid Id, string Name);

    private sealed record ApiPerson(Guid Id, Guid? ClientId, string LastName);
}
