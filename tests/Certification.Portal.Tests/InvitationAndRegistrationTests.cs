using System.Net;
using Certification.Consents;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;

namespace Certification.Portal.Tests;

/// <summary>Invitations to a segment (marketing: only with consent), unsubscribing, and self-registration on a public training.</summary>
[Collection(PortalCollection.Name)]
public sealed class InvitationAndRegistrationTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_segment_is_invited_by_mail_only_where_the_person_consented_and_an_unsubscribe_stops_it()
    {
        var city = $"Miasto{Guid.NewGuid():N}"[..20];
        var client = Guid.NewGuid();
        var created = await fixture.Host.Grains.GetGrain<IClientGrain>(client).CreateAsync(
            new ClientDetails($"Gmina {city}", ClientKind.Municipality, TestNip.For(client), null, new Address("ul. Rynek 1", "60-001", city), []));
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        var consenting = await PersonAsync(client, "Zgodna", "zgodna");
        var silent = await PersonAsync(client, "Bezzgody", "bezzgody");
        await fixture.Host.Grains.GetGrain<IPersonConsentsGrain>(consenting).RecordAsync(ConsentPurpose.Marketing, true, "formularz papierowy", "office");
        var order = await OrderAsync(OrderVisibility.Public, capacity: 5);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Training/Orders/Invite/{order}?kinds=Municipality&city={city}";

        var preview = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains("Do zaproszenia: 1. Bez zgody na informacje o szkoleniach lub wypisanych: 1. Bez adresu e-mail: 0.", preview, StringComparison.Ordinal);
        var sent = await admin.PostFormAsync(page, new() { ["kinds"] = "Municipality", ["city"] = city }, $"/Training/Orders/Invite/{order}");

        Assert.Contains("Wysłano zaproszenia: 1.", WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal([consenting], (await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).GetAsync())!.Invited);
        var body = await fixture.Host.Database.ScalarAsync<string>(
            $"SELECT text_body FROM mail_message WHERE person_id = '{consenting}' AND kind = 'training.invited'");
        var token = (await fixture.Host.Grains.GetGrain<IPersonConsentsGrain>(consenting).GetAsync()).UnsubscribeToken;
        Assert.Contains($"/Unsubscribe/{token}", body, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM mail_message WHERE person_id = '{silent}'"));

        // Invited directly (not through the page), the person without consent still gets no mail.
        await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).InviteAsync([silent], "office");
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM mail_message WHERE person_id = '{silent}'"));

        var visitor = fixture.Host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/Unsubscribe/{token}")).StatusCode);
        var unsubscribed = await visitor.PostFormAsync($"/Unsubscribe/{token}", []);
        Assert.Contains("Nie będziemy już wysyłać", WebUtility.HtmlDecode(await unsubscribed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False((await fixture.Host.Grains.GetGrain<IPersonConsentsGrain>(consenting).GetAsync()).MayReceiveMarketing());
        var second = await OrderAsync(OrderVisibility.Public, capacity: 5);
        await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(second).InviteAsync([consenting], "office");
        Assert.Equal(1L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM mail_message WHERE person_id = '{consenting}' AND kind = 'training.invited'"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Unsubscribe/nie-ma-takiego")).StatusCode);
    }

    [Fact]
    public async Task A_segment_can_be_chosen_by_a_custom_field_of_the_client_such_as_its_county()
    {
        var setup = fixture.Host.Grains.GetGrain<CustomFields.ICustomFieldSetupGrain>(CustomFields.ICustomFieldSetupGrain.Key);
        var county = new CustomFields.CustomFieldDefinition(
            Guid.NewGuid(), CustomFields.CustomFieldEntity.Client, $"Powiat {Guid.NewGuid():N}"[..20], CustomFields.CustomFieldType.Text, [], false, false);
        Assert.True((await setup.SaveAsync(county)).Succeeded);
        try
        {
            var inCounty = await ConsentingPersonInClientAsync(county, "kościański");
            await ConsentingPersonInClientAsync(county, "leszczyński");
            var order = await OrderAsync(OrderVisibility.Public, capacity: 5);
            var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
            var page = $"/Training/Orders/Invite/{order}?field={county.Id}&fieldValue=ko%C5%9Bcia%C5%84ski";

            var preview = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
            Assert.Contains("Do zaproszenia: 1.", preview, StringComparison.Ordinal);
            await admin.PostFormAsync(page, new() { ["field"] = county.Id.ToString(), ["fieldValue"] = "kościański" }, $"/Training/Orders/Invite/{order}");

            Assert.Equal([inCounty], (await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).GetAsync())!.Invited);
        }
        finally
        {
            await setup.SaveAsync(county with { Active = false });
        }
    }

    [Fact]
    public async Task A_visitor_enrols_on_a_public_training_only_after_confirming_the_address_and_is_not_duplicated()
    {
        var order = await OrderAsync(OrderVisibility.Public, capacity: 1);
        var email = $"gosc-{Guid.NewGuid():N}@example.pl";
        var visitor = fixture.Host.Anonymous();
        var page = $"/Trainings/Register/{order}";
        Assert.Contains(page, await visitor.GetStringAsync("/Trainings"), StringComparison.Ordinal);

        var refused = await visitor.PostFormAsync(page, Form(email, terms: false));
        Assert.Contains("Aby się zapisać, zaakceptuj regulamin", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM mail_message WHERE to_address = '{email}'"));

        var requested = await visitor.PostFormAsync(page, Form(email, terms: true, news: true));
        Assert.Contains($"Na adres {email} wysłaliśmy link potwierdzający", WebUtility.HtmlDecode(await requested.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // Submitting again at once sends no second mail: the form cannot flood a mailbox.
        await visitor.PostFormAsync(page, Form(email, terms: true, news: true));
        var link = await ConfirmationLinkAsync(email);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE email = '{email}'"));

        // Opening the link (as a mail scanner would) changes nothing; the button confirms.
        Assert.Contains("Potwierdzam zapis", await visitor.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE email = '{email}'"));
        var confirmed = await visitor.PostFormAsync(link, [], link);
        Assert.Contains("Jesteś zapisany(-a)", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var twice = await visitor.PostFormAsync(link, [], link);
        Assert.Contains("Ten zapis został już potwierdzony", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM registration_request WHERE email = '{email}'"));

        await visitor.PostFormAsync(page, Form(email, terms: true));
        var again = await ConfirmationLinkAsync(email);
        var repeated = await visitor.PostFormAsync(again, [], again);
        Assert.Contains("Jesteś już zapisany(-a) na to szkolenie.", WebUtility.HtmlDecode(await repeated.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await visitor.PostFormAsync(page, Form($"inny-{email}", terms: true));
        var other = await ConfirmationLinkAsync($"inny-{email}");
        var waiting = await visitor.PostFormAsync(other, [], other);
        Assert.Contains("jesteś na liście rezerwowej", WebUtility.HtmlDecode(await waiting.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var person = await fixture.Host.Database.ScalarAsync<Guid>($"SELECT id FROM person_projection WHERE email = '{email}'");
        Assert.Equal(1L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE email = '{email}'"));
        var enrolment = (await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).GetAsync())!.Enrolments.Single(e => e.PersonId == person);
        Assert.Equal((EnrolmentStatus.Enrolled, EnrolmentSource.Self), (enrolment.Status, enrolment.Source));
        var consents = await fixture.Host.Grains.GetGrain<IPersonConsentsGrain>(person).GetAsync();
        Assert.True(consents.Has(ConsentPurpose.RegistrationTerms));
        Assert.True(consents.MayReceiveMarketing());
        Assert.Equal("training.enrolled", await fixture.Host.Database.ScalarAsync<string>($"SELECT kind FROM mail_message WHERE person_id = '{person}'"));
    }

    [Fact]
    public async Task An_expired_or_unknown_confirmation_link_enrols_nobody_and_unconfirmed_data_is_not_kept()
    {
        var order = await OrderAsync(OrderVisibility.Public, capacity: 5);
        var email = $"spoznialski-{Guid.NewGuid():N}@example.pl";
        var visitor = fixture.Host.Anonymous();
        await visitor.PostFormAsync($"/Trainings/Register/{order}", Form(email, terms: true));
        var link = await ConfirmationLinkAsync(email);

        await fixture.Host.Database.ExecuteAsync($"UPDATE registration_request SET expires_at = now() - interval '1 minute' WHERE email = '{email}'");
        Assert.Contains("Link wygasł", WebUtility.HtmlDecode(await visitor.GetStringAsync(link)), StringComparison.Ordinal);
        var late = await visitor.PostFormAsync(link, [], link);
        Assert.Contains("Link wygasł", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_projection WHERE email = '{email}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Trainings/Confirm/nie-ma-takiego-linku")).StatusCode);

        // The next registration of anyone clears what expired visitors typed.
        await visitor.PostFormAsync($"/Trainings/Register/{order}", Form($"kolejny-{email}", terms: true));
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM registration_request WHERE email = '{email}'"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(link)).StatusCode);
    }

    private async Task<string> ConfirmationLinkAsync(string email)
    {
        var body = await fixture.Host.Database.ScalarAsync<string>(
            $"SELECT text_body FROM mail_message WHERE to_address = '{email}' AND kind = 'training.registration_confirm' ORDER BY created_at DESC LIMIT 1");
        return new Uri(System.Text.RegularExpressions.Regex.Match(body!, @"http\S+/Trainings/Confirm/\S+").Value).PathAndQuery;
    }

    [Fact]
    public async Task Only_public_published_orders_have_a_registration_page()
    {
        var visitor = fixture.Host.Anonymous();
        var restricted = await OrderAsync(OrderVisibility.Restricted, capacity: 5, [Guid.NewGuid()]);
        var hidden = await OrderAsync(OrderVisibility.Hidden, capacity: 5);
        var draft = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(draft).CreateAsync(OrderTypes.DefaultId, Details(await LocationAsync(), OrderVisibility.Public, 5, []), "office");

        foreach (var order in new[] { restricted, hidden, draft })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Trainings/Register/{order}")).StatusCode);
            Assert.DoesNotContain(order.ToString(), await visitor.GetStringAsync("/Trainings"), StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Form(string email, bool terms, bool news = false)
    {
        var form = new Dictionary<string, string> { ["FirstName"] = "Gość", ["LastName"] = "Zapisujący", ["Email"] = email };
        if (terms)
        {
            form["AcceptsTerms"] = "true";
        }

        if (news)
        {
            form["WantsNews"] = "true";
        }

        return form;
    }

    private async Task<Guid> ConsentingPersonInClientAsync(CustomFields.CustomFieldDefinition field, string value)
    {
        var client = Guid.NewGuid();
        Assert.True((await fixture.Host.Grains.GetGrain<IClientGrain>(client).CreateAsync(
            new ClientDetails($"Gmina {value} {client:N}"[..30], ClientKind.Municipality, TestNip.For(client), null, new Address("ul. Rynek 1", "64-000", "Kościan"), []))).Succeeded);
        Assert.True((await fixture.Host.Grains.GetGrain<CustomFields.ICustomValuesGrain>(client).SetAsync(
            CustomFields.CustomFieldEntity.Client, new Dictionary<Guid, string?> { [field.Id] = value }, ClientScope.All)).Succeeded);
        var person = await PersonAsync(client, "Powiatowa", "powiatowa");
        await fixture.Host.Grains.GetGrain<IPersonConsentsGrain>(person).RecordAsync(ConsentPurpose.Marketing, true, "formularz papierowy", "office");
        return person;
    }

    private async Task<Guid> PersonAsync(Guid client, string lastName, string mailbox)
    {
        var id = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IPersonGrain>(id).CreateAsync(
            new PersonDetails("Anna", lastName, $"{mailbox}-{id:N}@example.pl", null, null, client, null, null));
        return id;
    }

    private async Task<Guid> LocationAsync()
    {
        var location = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala", "ul. Wronia 1", "Poznań", "Poznań"));
        return location;
    }

    private async Task<Guid> OrderAsync(OrderVisibility visibility, int capacity, IReadOnlyList<Guid>? clients = null)
    {
        var id = Guid.NewGuid();
        var grain = fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(id);
        var created = await grain.CreateAsync(OrderTypes.DefaultId, Details(await LocationAsync(), visibility, capacity, clients ?? []), "office");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        await grain.MoveToAsync("enrolment", "office");
        return id;
    }

    private static OrderDetails Details(Guid location, OrderVisibility visibility, int capacity, IReadOnlyList<Guid> clients) =>
        new("Szkolenie otwarte z CRM", null, [new(new DateOnly(2026, 12, 15), new TimeOnly(9, 0), new TimeOnly(14, 0))], location, null, 250m, capacity, visibility, clients);
}
