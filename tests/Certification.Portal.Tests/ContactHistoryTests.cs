using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Mail;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>The contact history pages: training events, mail, employment changes and notes, newest first, filtered, per person and per client.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class ContactHistoryTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_persons_history_lists_a_training_enrolment_a_mail_and_a_note_newest_first_each_linked_to_its_object()
    {
        var client = await ClientAsync();
        var person = await PersonAsync(client, "Kontaktowa");
        var order = await OrderAsync($"Szkolenie z obsługi klienta {Guid.NewGuid():N}");
        Assert.True((await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).EnrolAsync(person, EnrolmentSource.Office, null, "office")).Result.Succeeded);
        var mail = await fixture.Host.Services.GetRequiredService<IMailOutbox>().EnqueueAsync(
            new OutgoingMail("crm.test", new MailRecipient("kontaktowa@gmina.pl"), "Program szkolenia", "Dzień dobry") { PersonId = person });
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Crm/People/History/{person}";

        var added = await admin.PostFormAsync(page, Note("Meeting", Yesterday(10), "Rozmowa o potrzebach szkoleniowych\nwydziału"), page + "?handler=Note");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var rows = Rows(await admin.GetStringAsync(page));
        Assert.Equal(["mail", "order.enrolled", "employment.started", "note.meeting"], rows.Select(r => Kind(r.Kind)));
        Assert.Contains($"href=\"/Mail/Message/{mail}\"", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains("Program szkolenia", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Training/Orders/Details/{order}\"", rows[1].Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Crm/Clients/Details/{client}\"", rows[2].Html, StringComparison.Ordinal);
        Assert.Contains("Rozmowa o potrzebach szkoleniowych", WebUtility.HtmlDecode(rows[3].Html), StringComparison.Ordinal);
        Assert.Contains("Spotkanie", rows[3].Html, StringComparison.Ordinal);
        Assert.Contains("Test TrainingAdmin", rows[3].Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_is_filtered_by_kind_and_by_dates()
    {
        var person = await PersonAsync(await ClientAsync(), "Filtrowana");
        await fixture.Host.Services.GetRequiredService<IMailOutbox>().EnqueueAsync(
            new OutgoingMail("crm.test", new MailRecipient("filtrowana@gmina.pl"), "Zaproszenie", "Dzień dobry") { PersonId = person });
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Crm/People/History/{person}";
        await admin.PostFormAsync(page, Note("Call", Yesterday(9), "Telefon w sprawie zapisu"), page + "?handler=Note");
        var today = PastEmployment.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yesterday = PastEmployment.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(["note.call"], Kinds(await admin.GetStringAsync($"{page}?category=Note")));
        Assert.Equal(["mail"], Kinds(await admin.GetStringAsync($"{page}?category=Mail")));
        Assert.Equal(["employment.started"], Kinds(await admin.GetStringAsync($"{page}?category=Employment")));
        Assert.Equal(["mail", "employment.started"], Kinds(await admin.GetStringAsync($"{page}?from={today}")));
        Assert.Equal(["note.call"], Kinds(await admin.GetStringAsync($"{page}?from={yesterday}&until={yesterday}")));
    }

    [Fact]
    public async Task A_clients_history_has_its_own_notes_and_its_peoples_events_only_while_they_worked_there()
    {
        var (client, next) = (await ClientAsync(), await ClientAsync());
        var stays = await PersonAsync(client, "Zostająca");
        var leaves = await PastEmployment.CreateAsync(
            fixture.Host.Grains, fixture.Host.Database, new PersonDetails("Anna", "Odchodząca", null, null, null, client, null, "Referentka"), 100);
        await fixture.Host.Grains.GetGrain<IPersonGrain>(leaves).ChangeJobAsync(1, next, null, "Inspektorka", PastEmployment.Today.AddDays(-10), ClientScope.All, "office");
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var clientPage = $"/Crm/Clients/History/{client}";
        var leaverPage = $"/Crm/People/History/{leaves}";
        await admin.PostFormAsync(clientPage, Note("Note", Yesterday(12), "Umowa na rok szkoleniowy"), clientPage + "?handler=Note");
        await admin.PostFormAsync(leaverPage, Note("Call", Yesterday(13), "Rozmowa już w nowej pracy"), leaverPage + "?handler=Note");

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(clientPage));

        Assert.Contains("Umowa na rok szkoleniowy", html, StringComparison.Ordinal);
        Assert.Contains("Zostająca", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rozmowa już w nowej pracy", html, StringComparison.Ordinal);
        var rows = Rows(html);
        Assert.Contains(rows, r => r.Kind == "employment.ended" && r.Html.Contains("Odchodząca", StringComparison.Ordinal));
        Assert.Contains("Rozmowa już w nowej pracy", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Crm/Clients/History/{next}")), StringComparison.Ordinal);
        Assert.Contains(stays.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_office_reads_contact_histories_and_a_note_needs_text_and_a_past_date()
    {
        var client = await ClientAsync();
        var person = await PersonAsync(client, "Chroniona");
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.PartnerAdmin, clientId: client));
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Crm/People/History/{person}";

        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync(page)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync($"/Crm/Clients/History/{client}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Crm/People/History/{Guid.NewGuid()}")).StatusCode);

        var empty = await admin.PostFormAsync(page, Note("Note", Yesterday(8), " "), page + "?handler=Note");
        var future = await admin.PostFormAsync(page, Note("Note", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), "Plan"), page + "?handler=Note");

        Assert.Contains("To pole jest wymagane.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Wpis w przyszłości? Zapisuj to, co już się wydarzyło.", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(["employment.started"], Kinds(await admin.GetStringAsync(page)));
    }

    private static Dictionary<string, string> Note(string kind, string at, string text) => new()
    {
        ["Note.Id"] = Guid.NewGuid().ToString(),
        ["Note.Kind"] = kind,
        ["Note.At"] = at,
        ["Note.Text"] = text,
    };

    /// <summary>Yesterday at the hour, as a Polish wall-clock time typed into the form.</summary>
    private static string Yesterday(int hour) =>
        PastEmployment.Today.AddDays(-1).ToDateTime(new TimeOnly(hour, 0)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static List<(string Kind, string Html)> Rows(string page) =>
        [.. HistoryRow().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    private static List<string> Kinds(string page) => [.. Rows(page).Select(r => Kind(r.Kind))];

    // A mail's entry follows its status, which the portal's dev sender changes at any moment.
    private static string Kind(string kind) => kind.StartsWith("mail.", StringComparison.Ordinal) ? "mail" : kind;

    [GeneratedRegex("""<tr data-kind="([^"]+)">(.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex HistoryRow();

    private async Task<Guid> ClientAsync()
    {
        var id = Guid.NewGuid();
        var result = await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(
            new ClientDetails($"Gmina {id:N}", ClientKind.Municipality, TestNip.For(id), null, new Address("ul. Rynek 1", "60-001", "Poznań"), []));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return id;
    }

    private async Task<Guid> PersonAsync(Guid client, string lastName)
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Host.Grains.GetGrain<IPersonGrain>(id).CreateAsync(new PersonDetails("Anna", lastName, null, null, null, client, null, "Referentka"))).Succeeded);
        return id;
    }

    private async Task<Guid> OrderAsync(string title)
    {
        var location = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala", "ul. Wronia 1", "Poznań", "Poznań"));
        var id = Guid.NewGuid();
        var grain = fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(id);
        var created = await grain.CreateAsync(OrderTypes.DefaultId, new OrderDetails(
            title, null, [new(PastEmployment.Today.AddDays(30), new TimeOnly(9, 0), new TimeOnly(13, 0))], location, null, 100m, 10, OrderVisibility.Public, []), "office");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        await grain.MoveToAsync("enrolment", "office");
        return id;
    }
}
