using System.Net;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

/// <summary>Creating a person the CRM may already have: the office is shown who, and creates only when it says it is someone else.</summary>
[Collection(PortalCollection.Name)]
public sealed class DuplicateDetectionTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_person_with_the_same_email_or_the_same_name_in_the_organisation_is_shown_before_anything_is_created()
    {
        var client = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IClientGrain>(client).CreateAsync(
            new ClientDetails($"Gmina Duplikatów {client:N}", ClientKind.Municipality, TestNip.For(client), null, new Address("ul. Rynek 1", "60-001", "Poznań"), []));
        var existing = Guid.NewGuid();
        var email = $"lukasz.{existing:N}@example.pl";
        await fixture.Host.Grains.GetGrain<IPersonGrain>(existing).CreateAsync(new PersonDetails("Łukasz", "Wróbel", email, null, null, client, null, null));
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

        var sameEmail = await admin.PostFormAsync("/Crm/People/Create", new()
        {
            ["Form.FirstName"] = "Inny", ["Form.LastName"] = "Człowiek", ["Form.Email"] = email.ToUpperInvariant(),
        });
        var sameName = await admin.PostFormAsync("/Crm/People/Create", new()
        {
            ["Form.FirstName"] = "lukasz", ["Form.LastName"] = "  WROBEL ", ["Form.ClientId"] = client.ToString(),
        });

        var page = WebUtility.HtmlDecode(await sameEmail.Content.ReadAsStringAsync());
        Assert.Contains("Ta osoba może już być w CRM:", page, StringComparison.Ordinal);
        Assert.Contains($"/Crm/People/Details/{existing}", page, StringComparison.Ordinal);
        Assert.Contains("ten sam adres e-mail", page, StringComparison.Ordinal);
        Assert.Contains("to samo imię i nazwisko w tej samej organizacji", WebUtility.HtmlDecode(await sameName.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE client_id = '{client}'"));

        var confirmed = await admin.PostFormAsync("/Crm/People/Create", new()
        {
            ["Form.FirstName"] = "lukasz", ["Form.LastName"] = "WROBEL", ["Form.ClientId"] = client.ToString(), ["NotADuplicate"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE client_id = '{client}'"));
    }
}
