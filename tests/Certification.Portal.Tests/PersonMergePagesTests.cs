using System.Net;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Exams;
using Certification.Mail;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>"Scal z…": who may merge, the comparison and the choices, what the merged record becomes, and bad requests.</summary>
[Collection(PortalCollection.Name)]
public sealed class PersonMergePagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_office_merges_two_records_keeping_chosen_values_and_the_absorbed_record_leads_to_the_survivor()
    {
        var client = await ClientAsync();
        var email = $"jan.{Guid.NewGuid():N}@gmina.pl";
        var kept = await PersonAsync(new PersonDetails("Jan", "Scalany", email, null, null, client, null, "Referent"));
        var absorbed = await PersonAsync(new PersonDetails("Jan", "Scalany", email.ToUpperInvariant(), "+48 601 202 303", "78031501236", client, null, "Referent"));
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var history = $"/Crm/People/History/{absorbed}";
        await admin.PostFormAsync(history, new()
        {
            ["Note.Id"] = Guid.NewGuid().ToString(),
            ["Note.Kind"] = "Call",
            ["Note.At"] = PastEmployment.Today.AddDays(-1).ToDateTime(new TimeOnly(10, 0)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Note.Text"] = "Rozmowa zapisana na drugiej kartotece",
        }, history + "?handler=Note");
        var mail = await fixture.Host.Services.GetRequiredService<IMailOutbox>().EnqueueAsync(
            new OutgoingMail("test.merge", new MailRecipient(email, "Jan Scalany"), "Wiadomość do drugiej kartoteki", "Treść") { PersonId = absorbed });

        var details = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Crm/People/Details/{kept}"));
        Assert.Contains($"/Crm/People/Merge/{kept}?other={absorbed}", details, StringComparison.Ordinal);
        var merge = $"/Crm/People/Merge/{kept}?other={absorbed}";
        var compare = WebUtility.HtmlDecode(await admin.GetStringAsync(merge));
        Assert.Contains("+48 601 202 303", compare, StringComparison.Ordinal);
        Assert.Contains("780315•••••", compare, StringComparison.Ordinal);
        Assert.Contains("15.03.1978", compare, StringComparison.Ordinal);

        var merged = await admin.PostFormAsync(merge, new()
        {
            ["Form.MergeId"] = HiddenValue(compare, "Form.MergeId"),
            ["Form.PersonVersion"] = "1",
            ["Form.OtherVersion"] = "1",
            ["Form.Survivor"] = kept.ToString(),
            ["Form.Picks[Email]"] = kept.ToString(),
            ["Form.Picks[Phone]"] = absorbed.ToString(),
            ["Form.Picks[Pesel]"] = absorbed.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/Crm/People/Details/{kept}", merged.Headers.Location!.OriginalString);
        var person = (await fixture.Host.Grains.GetGrain<IPersonGrain>(kept).GetAsync())!;
        Assert.Equal((email, "+48 601 202 303", "78031501236"), (person.Details.Email, person.Details.Phone, person.Details.Pesel));
        var away = await admin.GetAsync($"/Crm/People/Details/{absorbed}");
        Assert.Equal(HttpStatusCode.Redirect, away.StatusCode);
        Assert.Equal($"/Crm/People/Details/{kept}", away.Headers.Location!.OriginalString);
        Assert.DoesNotContain(absorbed.ToString(), await admin.GetStringAsync($"/Crm/People?search={Uri.EscapeDataString(email)}"), StringComparison.Ordinal);
        var again = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/Crm/People/Create", new()
        {
            ["Form.FirstName"] = "Jan", ["Form.LastName"] = "Scalany", ["Form.Email"] = email,
        })).Content.ReadAsStringAsync());
        Assert.Contains($"/Crm/People/Details/{kept}", again, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Crm/People/Details/{absorbed}", again, StringComparison.Ordinal);

        var keptHistory = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Crm/People/History/{kept}"));
        Assert.Contains("Rozmowa zapisana na drugiej kartotece", keptHistory, StringComparison.Ordinal);
        Assert.Contains("Scalenie kartotek", keptHistory, StringComparison.Ordinal);
        Assert.Contains("ze scalonej kartoteki wzięto: Telefon, PESEL", keptHistory, StringComparison.Ordinal);
        Assert.Contains("Scalone kartoteki", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Crm/People/Details/{kept}")), StringComparison.Ordinal);
        Assert.Contains(mail.ToString(), await admin.GetStringAsync($"/Mail?person={kept}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_training_administrators_merge_and_others_are_refused_without_any_change()
    {
        var client = await ClientAsync();
        var (first, second) = (await PersonAsync(Person(client, "Pierwsza")), await PersonAsync(Person(client, "Druga")));
        var page = $"/Crm/People/Merge/{first}?other={second}";
        var form = new Dictionary<string, string> { ["Form.Survivor"] = first.ToString(), ["Form.PersonVersion"] = "1", ["Form.OtherVersion"] = "1" };

        Assert.Equal(HttpStatusCode.OK, (await (await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin))).GetAsync(page)).StatusCode);
        foreach (var (role, clientId) in new[] { (Roles.PartnerAdmin, (Guid?)client), (Roles.SystemAdmin, null), (Roles.ExamOperator, null), (Roles.Candidate, null) })
        {
            var user = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(role, clientId));
            var read = await user.GetAsync(page);
            var post = await user.PostAsync(page, new FormUrlEncodedContent(form));

            Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", read.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Host.Anonymous().GetAsync(page)).StatusCode);
        Assert.NotNull(await fixture.Host.Grains.GetGrain<IPersonGrain>(second).GetAsync());
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_merge WHERE absorbed_id IN ('{first}', '{second}')"));
    }

    [Fact]
    public async Task Merging_with_oneself_with_a_merged_record_or_away_from_exam_records_is_refused_in_polish_and_changes_nothing()
    {
        var client = await ClientAsync();
        var (one, two, three) = (await PersonAsync(Person(client, "Jedna")), await PersonAsync(Person(client, "Dwa")), await PersonAsync(Person(client, "Trzy")));
        Assert.True((await fixture.Host.Grains.GetGrain<IPersonGrain>(one).MergeAsync(1, new PersonMergeRequest(Guid.NewGuid(), two, 1, [], []), "office")).Succeeded);
        var session = fixture.Host.Grains.GetGrain<IExamSessionGrain>(Guid.NewGuid());
        var scheduled = await session.ScheduleAsync(new SessionDetails("CRM-PRK4", "Sesja", DateTimeOffset.UtcNow.AddDays(7), "Sala 1", Guid.NewGuid(), true));
        Assert.True((await session.SetRosterAsync(scheduled.Version, [three])).Succeeded);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

        Assert.Contains("Nie można scalić osoby z nią samą — wybierz inną kartotekę.", await TextAsync(admin, $"/Crm/People/Merge/{three}?other={three}"), StringComparison.Ordinal);
        Assert.Contains("Ta kartoteka została już scalona z inną — wybierz kartotekę, która została.", await TextAsync(admin, $"/Crm/People/Merge/{three}?other={two}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Crm/People/Merge/{Guid.NewGuid()}")).StatusCode);

        var page = $"/Crm/People/Merge/{one}?other={three}";
        var compare = await TextAsync(admin, page);
        Assert.Contains("Zostaje kartoteka z zapisami egzaminacyjnymi", compare, StringComparison.Ordinal);
        var awayFromExams = await admin.PostFormAsync(page, new()
        {
            ["Form.MergeId"] = HiddenValue(compare, "Form.MergeId"),
            ["Form.Survivor"] = one.ToString(),
            ["Form.PersonVersion"] = "3",
            ["Form.OtherVersion"] = "1",
        });
        var nobody = await admin.PostFormAsync(page, new()
        {
            ["Form.Survivor"] = Guid.NewGuid().ToString(),
            ["Form.PersonVersion"] = "3",
            ["Form.OtherVersion"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, awayFromExams.StatusCode);
        Assert.Contains(
            "Kartoteka z zapisami egzaminacyjnymi (lista kandydatów, test) musi zostać — wybierz ją jako kartotekę, która zostaje.",
            WebUtility.HtmlDecode(await awayFromExams.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Contains("Wybierz, która kartoteka zostaje.", WebUtility.HtmlDecode(await nobody.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, (await fixture.Host.Grains.GetGrain<IPersonGrain>(three).GetAsync())!.Version);
        Assert.Equal(3, (await fixture.Host.Grains.GetGrain<IPersonGrain>(one).GetAsync())!.Version);
        Assert.Equal(0L, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM person_merge WHERE absorbed_id IN ('{one}', '{three}')"));

        // A form left open on the absorbed record: its antiforgery token comes from any page of the office.
        var onTombstone = await admin.PostFormAsync($"/Crm/People/Edit/{one}", new()
        {
            ["Form.FirstName"] = "Anna", ["Form.LastName"] = "Dwa", ["Form.Version"] = "2",
        }, $"/Crm/People/Edit/{two}");
        Assert.Contains(
            "Ta kartoteka została scalona z inną — zmiany wprowadza się w kartotece, która została.",
            WebUtility.HtmlDecode(await onTombstone.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Null(await fixture.Host.Grains.GetGrain<IPersonGrain>(two).GetAsync());
    }

    private static async Task<string> TextAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static string HiddenValue(string page, string name) =>
        Regex.Match(page, "name=\"" + Regex.Escape(name) + "\" value=\"([^\"]+)\"") is { Success: true } found
            ? found.Groups[1].Value
            : throw new InvalidOperationException($"No {name} on the page");

    private static PersonDetails Person(Guid client, string lastName) => new("Anna", lastName, null, null, null, client, null, "Referentka");

    private async Task<Guid> ClientAsync()
    {
        var id = Guid.NewGuid();
        var result = await fixture.Host.Grains.GetGrain<IClientGrain>(id).CreateAsync(
            new ClientDetails($"Gmina {id:N}", ClientKind.Municipality, TestNip.For(id), null, new Address("ul. Rynek 1", "60-001", "Poznań"), []));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return id;
    }

    private async Task<Guid> PersonAsync(PersonDetails details)
    {
        var id = Guid.NewGuid();
        var result = await fixture.Host.Grains.GetGrain<IPersonGrain>(id).CreateAsync(details);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return id;
    }
}
