using System.Net;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

/// <summary>Job changes, promotions and leaving through the office's and the extranet's pages, and what a partner may not see or touch.</summary>
[Collection(PortalCollection.Name)]
public sealed class EmploymentPagesTests(PortalFixture fixture)
{
    private static DateOnly Today => PastEmployment.Today;

    [Fact]
    public async Task The_office_records_a_promotion_and_a_leaving_and_the_person_page_shows_both_positions()
    {
        var client = await ClientAsync();
        var id = await PersonAsync(client, "Awansowana", daysAgo: 90);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Crm/People/Employment/{id}";

        var promoted = await admin.PostFormAsync(page, Job(1, client, "Kierowniczka referatu", Today.AddDays(-30)), page + "?handler=ChangeJob");
        var left = await admin.PostFormAsync(page, Leave(2, Today), page + "?handler=Leave");

        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var details = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Crm/People/Details/{id}"));
        Assert.Contains("Kierowniczka referatu", details, StringComparison.Ordinal);
        Assert.Contains("Referentka", details, StringComparison.Ordinal);
        Assert.Equal(
            [("Referentka", (DateOnly?)Today.AddDays(-31)), ("Kierowniczka referatu", Today)],
            (await fixture.Host.Grains.GetGrain<IPersonGrain>(id).GetAsync())!.Employments.Select(e => (e.Position!, e.Until)));
    }

    [Fact]
    public async Task A_job_change_dated_before_the_current_job_is_refused_with_a_polish_message()
    {
        var client = await ClientAsync();
        var id = await PersonAsync(client, "Pospieszna", daysAgo: 10);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Crm/People/Employment/{id}";

        var response = await admin.PostFormAsync(page, Job(1, client, "Kierowniczka", Today.AddDays(-20)), page + "?handler=ChangeJob");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Data rozpoczęcia nowej pracy musi być późniejsza niż początek obecnej.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single((await fixture.Host.Grains.GetGrain<IPersonGrain>(id).GetAsync())!.Employments);
    }

    [Fact]
    public async Task A_partner_adds_updates_promotes_and_lets_go_of_their_own_people_who_then_stay_in_the_history()
    {
        var (ours, theirs) = (await ClientAsync(), await ClientAsync());
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, clientId: ours));

        // The organisation comes from the account: a client id slipped into the form is ignored.
        var created = await partner.PostFormAsync("/Partner/People/Create", new()
        {
            ["Form.FirstName"] = "Nowa",
            ["Form.LastName"] = "Pracowniczka",
            ["Form.Position"] = "Referentka",
            ["Form.ClientId"] = theirs.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var newcomer = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(ours, (await fixture.Host.Grains.GetGrain<IPersonGrain>(newcomer).GetAsync())!.Details.ClientId);

        var id = await PersonAsync(ours, "Długoletnia", daysAgo: 400);
        var edit = $"/Partner/People/Edit/{id}";
        var updated = await partner.PostFormAsync(edit, new()
        {
            ["Form.FirstName"] = "Anna",
            ["Form.LastName"] = "Długoletnia",
            ["Form.Email"] = "anna.dlugoletnia@gmina.pl",
            ["Form.Position"] = "Referentka",
            ["Form.ClientId"] = theirs.ToString(),
            ["Form.Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);

        var employment = $"/Partner/People/Employment/{id}";
        var promoted = await partner.PostFormAsync(employment, Job(2, theirs, "Sekretarz gminy", Today.AddDays(-100)), employment + "?handler=ChangeJob");
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        var person = (await fixture.Host.Grains.GetGrain<IPersonGrain>(id).GetAsync())!;
        Assert.Equal(("anna.dlugoletnia@gmina.pl", ours, "Sekretarz gminy"), (person.Details.Email, person.Details.ClientId, person.Details.Position));

        var left = await partner.PostFormAsync(employment, Leave(3, Today.AddDays(-1)), employment + "?handler=Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);

        var list = await partner.GetStringAsync("/Partner/People");
        var current = list[..list.IndexOf("id=\"former\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("Długoletnia", current, StringComparison.Ordinal);
        Assert.Contains("Długoletnia", list, StringComparison.Ordinal);
        var former = WebUtility.HtmlDecode(await partner.GetStringAsync($"/Partner/People/Details/{id}"));
        Assert.Contains("Ta osoba nie pracuje już w Twojej organizacji.", former, StringComparison.Ordinal);
        Assert.DoesNotContain("anna.dlugoletnia@gmina.pl", former, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(employment)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task A_partner_of_one_client_gets_nothing_of_another_clients_people_through_pages()
    {
        var (ours, theirs) = (await ClientAsync(), await ClientAsync());
        var mine = await PersonAsync(ours, "Swojska", daysAgo: 30);
        var foreign = await PersonAsync(theirs, "Obcowska", daysAgo: 30);
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, clientId: ours));

        foreach (var path in new[] { "Details", "Edit", "Employment" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Partner/People/{path}/{foreign}")).StatusCode);
        }

        Assert.DoesNotContain("Obcowska", await partner.GetStringAsync("/Partner/People"), StringComparison.Ordinal);

        // Posts with a valid token (from a page of their own) to the other client's person change nothing.
        var own = $"/Partner/People/Employment/{mine}";
        var target = $"/Partner/People/Employment/{foreign}";
        var posts = new[]
        {
            await partner.PostFormAsync(own, Job(1, ours, "Przejęta", Today), target + "?handler=ChangeJob"),
            await partner.PostFormAsync(own, Leave(1, Today), target + "?handler=Leave"),
            await partner.PostFormAsync(own, new() { ["Form.FirstName"] = "Zmieniona", ["Form.LastName"] = "Obcowska", ["Form.Version"] = "1" }, $"/Partner/People/Edit/{foreign}"),
        };

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.NotFound, p.StatusCode));
        var untouched = (await fixture.Host.Grains.GetGrain<IPersonGrain>(foreign).GetAsync())!;
        Assert.Equal((1, "Anna", theirs), (untouched.Version, untouched.Details.FirstName, untouched.Details.ClientId!.Value));

        // Nor can they take someone away from their own organisation to another.
        var away = await partner.PostFormAsync(own, Job(1, theirs, "Przeniesiona", Today), own + "?handler=ChangeJob");
        Assert.Equal(HttpStatusCode.Redirect, away.StatusCode);
        Assert.Equal(ours, (await fixture.Host.Grains.GetGrain<IPersonGrain>(mine).GetAsync())!.Details.ClientId);
    }

    [Fact]
    public async Task Through_the_api_a_partner_sees_a_newcomers_time_at_their_organisation_not_where_they_worked_before()
    {
        var (previous, ours) = (await ClientAsync(), await ClientAsync());
        var id = await PersonAsync(previous, "Przeniesiona", daysAgo: 60);
        await fixture.Host.Grains.GetGrain<IPersonGrain>(id).ChangeJobAsync(1, ours, null, "Inspektorka", Today.AddDays(-5), ClientScope.All, "office");
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, clientId: ours));

        var json = await partner.GetStringAsync($"/api/people/{id}");
        var page = await partner.GetStringAsync($"/Partner/People/Details/{id}");

        Assert.Contains(ours.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(previous.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain($"Gmina {previous:N}", page, StringComparison.Ordinal);
        Assert.Contains("Inspektorka", page, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Job(int version, Guid client, string position, DateOnly from) => new()
    {
        ["Job.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Job.ClientId"] = client.ToString(),
        ["Job.Position"] = position,
        ["Job.From"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Leave(int version, DateOnly until) => new()
    {
        ["Leave.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Leave.Until"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<Guid> ClientAsync()
    {
        var id = Guid.NewGuid();
        var result = await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(
            new ClientDetails($"Gmina {id:N}", ClientKind.Municipality, TestNip.For(id), null, new Address("ul. Rynek 1", "60-001", "Poznań"), []));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return id;
    }

    private Task<Guid> PersonAsync(Guid client, string lastName, int daysAgo) =>
        PastEmployment.CreateAsync(
            fixture.Host.Grains, fixture.Host.Database, new PersonDetails("Anna", lastName, null, null, null, client, null, "Referentka"), daysAgo);
}
