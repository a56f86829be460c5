using System.Net;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;

namespace Certification.Portal.Tests;

/// <summary>The extranet: a partner administrator sees only the orders meant for their organisation and only their own people on them.</summary>
[Collection(PortalCollection.Name)]
public sealed class PartnerTrainingTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_partner_sees_public_and_own_restricted_orders_but_not_others_or_hidden_ones()
    {
        var (clientA, clientB) = (await ClientAsync(), await ClientAsync());
        var tag = Guid.NewGuid().ToString("N")[..8];
        var open = await OrderAsync($"Publiczne {tag}", OrderVisibility.Public, [], "enrolment");
        var forA = await OrderAsync($"Dla A {tag}", OrderVisibility.Restricted, [clientA], "enrolment");
        var forB = await OrderAsync($"Dla B {tag}", OrderVisibility.Restricted, [clientB], "enrolment");
        var hidden = await OrderAsync($"Ukryte {tag}", OrderVisibility.Hidden, [], "enrolment");
        var draft = await OrderAsync($"Szkic {tag}", OrderVisibility.Public, [], "draft");
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, clientId: clientA));

        var list = await partner.GetStringAsync("/Partner/Trainings");

        Assert.Contains($"Publiczne {tag}", list, StringComparison.Ordinal);
        Assert.Contains($"Dla A {tag}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"Dla B {tag}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"Ukryte {tag}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"Szkic {tag}", list, StringComparison.Ordinal);
        foreach (var order in new[] { forB, hidden, draft })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Partner/Trainings/Details/{order}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Partner/Trainings/Details/{open}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Partner/Trainings/Details/{forA}")).StatusCode);
    }

    [Fact]
    public async Task A_partner_enrols_and_resigns_their_own_people_and_never_sees_or_touches_others()
    {
        var (clientA, clientB) = (await ClientAsync(), await ClientAsync());
        var order = await OrderAsync("Szkolenie dla partnerów", OrderVisibility.Public, [], "enrolment");
        var ours = await PersonAsync(clientA, "Nasza");
        var theirs = await PersonAsync(clientB, "Obca");
        await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).EnrolAsync(theirs, EnrolmentSource.Office, null, "office");
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, clientId: clientA));
        var page = $"/Partner/Trainings/Details/{order}";

        var before = await partner.GetStringAsync(page);
        Assert.Contains("Nasza", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Obca", before, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await partner.PostFormAsync(page, new() { ["personId"] = ours.ToString() }, page + "?handler=Enrol")).StatusCode);
        var foreign = await partner.PostFormAsync(page, new() { ["personId"] = theirs.ToString() }, page + "?handler=Resign");
        var foreignEnrol = await partner.PostFormAsync(page, new() { ["personId"] = theirs.ToString() }, page + "?handler=Enrol");

        Assert.Contains("Ta osoba nie należy do Twojej organizacji.", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Ta osoba nie należy do Twojej organizacji.", WebUtility.HtmlDecode(await foreignEnrol.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var snapshot = (await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).GetAsync())!;
        Assert.Equal(EnrolmentStatus.Enrolled, snapshot.Enrolments.Single(e => e.PersonId == theirs).Status);
        Assert.Equal((EnrolmentStatus.Enrolled, EnrolmentSource.Partner), snapshot.Enrolments.Single(e => e.PersonId == ours) is var e ? (e.Status, e.Source) : default);

        await partner.PostFormAsync(page, new() { ["personId"] = ours.ToString() }, page + "?handler=Resign");

        Assert.Equal(EnrolmentStatus.Resigned, (await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).GetAsync())!.Enrolments.Single(x => x.PersonId == ours).Status);
        var participations = await partner.GetStringAsync("/Partner/Trainings");
        Assert.Contains("Nasza", participations, StringComparison.Ordinal);
        Assert.DoesNotContain("Obca", participations, StringComparison.Ordinal);
    }

    private async Task<Guid> ClientAsync()
    {
        var id = Guid.NewGuid();
        var nip = TestNip.For(id);
        var result = await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(
            new ClientDetails($"Gmina {id:N}", ClientKind.Municipality, nip, null, new Address("ul. Rynek 1", "60-001", "Poznań"), []));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return id;
    }

    private async Task<Guid> PersonAsync(Guid client, string lastName)
    {
        var id = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IPersonGrain>(id).CreateAsync(new PersonDetails("Anna", lastName, null, null, null, client, null, null));
        return id;
    }

    private async Task<Guid> OrderAsync(string title, OrderVisibility visibility, IReadOnlyList<Guid> clients, string phase)
    {
        var location = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala", "ul. Wronia 1", "Poznań", "Poznań"));
        var id = Guid.NewGuid();
        var grain = fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(id);
        var created = await grain.CreateAsync(OrderTypes.DefaultId, new OrderDetails(
            title, null, [new(new DateOnly(2026, 12, 10), new TimeOnly(9, 0), new TimeOnly(13, 0))], location, null, 100m, 10, visibility, clients), "office");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        if (phase != "draft")
        {
            await grain.MoveToAsync(phase, "office");
        }

        return id;
    }
}
