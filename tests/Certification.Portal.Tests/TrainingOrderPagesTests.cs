using System.Net;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;

namespace Certification.Portal.Tests;

/// <summary>The training office at work: locations, an order from the form, phases, enrolment with a waiting list, attendance.</summary>
[Collection(PortalCollection.Name)]
public sealed class TrainingOrderPagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_office_creates_an_order_fills_it_past_capacity_and_a_resignation_promotes_the_waiting()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var location = await CreateLocationAsync(admin, $"Sala {Guid.NewGuid():N}");
        var order = await CreateOrderAsync(admin, location, capacity: 1);
        var people = new List<Guid>();
        foreach (var name in new[] { "Pierwsza", "Druga" })
        {
            var person = Guid.NewGuid();
            await fixture.Host.Grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails(name, $"Zapisowa{order:N}", null, null, null, null, null, null));
            people.Add(person);
        }

        var page = $"/Training/Orders/Details/{order}";
        Assert.Contains($"/Training/Orders/Details/{order}", await admin.GetStringAsync("/Training/Orders?search=CRM"), StringComparison.Ordinal);
        Assert.Contains($"/Training/Orders/Details/{order}", await admin.GetStringAsync("/Training/Orders?month=2026-12"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new() { ["phase"] = "enrolment" }, page + "?handler=Move")).StatusCode);
        var found = await admin.GetStringAsync(page + $"?search=Zapisowa{order:N}");
        Assert.Contains("Pierwsza", found, StringComparison.Ordinal);
        foreach (var person in people)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new() { ["personId"] = person.ToString() }, page + "?handler=Enrol")).StatusCode);
        }

        var full = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains("1 zapisanych z 1, 1 na liście rezerwowej", full, StringComparison.Ordinal);
        Assert.Matches(WaitingList("Druga"), full);

        await admin.PostFormAsync(page, new() { ["personId"] = people[0].ToString() }, page + "?handler=Resign");

        var after = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains("1 zapisanych z 1, 0 na liście rezerwowej", after, StringComparison.Ordinal);
        Assert.Contains("Przeniesiono z listy rezerwowej na listę uczestników", after, StringComparison.Ordinal);
        Assert.Contains("Nikt nie czeka na miejsce.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_step_is_explained_and_changes_nothing()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var order = await CreateOrderAsync(admin, await CreateLocationAsync(admin, "Sala błędów"), capacity: 5);
        var page = $"/Training/Orders/Details/{order}";

        var jump = await admin.PostFormAsync(page, new() { ["phase"] = "settled" }, page + "?handler=Move");
        var badForm = await admin.PostFormAsync("/Training/Orders/Create", new()
        {
            ["Form.Title"] = "Bez dni",
            ["Form.Price"] = "trzysta",
            ["Form.Capacity"] = "pięć",
        });

        Assert.Contains("Z obecnej fazy nie można przejść do wybranej.", WebUtility.HtmlDecode(await jump.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("draft", (await fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order).GetAsync())!.Phase.Id);
        var badPage = WebUtility.HtmlDecode(await badForm.Content.ReadAsStringAsync());
        Assert.Contains("Podaj cenę jako liczbę", badPage, StringComparison.Ordinal);
        // The framework's own binding message, in Polish: text in a number field.
        Assert.Contains("Wartość „pięć” jest nieprawidłowa.", badPage, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", badPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_is_ticked_per_day_and_the_calendar_file_has_every_day_in_polish_time()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var order = await CreateOrderAsync(admin, await CreateLocationAsync(admin, "Sala obecności"), capacity: 5);
        var grain = fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order);
        var person = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Obecna", "Uczestniczka", null, null, null, null, null, null));
        await grain.EnrolAsync(person, EnrolmentSource.Office, null, "office");
        foreach (var phase in new[] { "enrolment", "closed", "delivered" })
        {
            await grain.MoveToAsync(phase, "office");
        }

        var page = $"/Training/Orders/Details/{order}";
        var saved = await admin.PostFormAsync(page, new() { ["present"] = $"2026-12-01|{person}" }, page + "?handler=Attendance");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var enrolment = Assert.Single((await grain.GetAsync())!.Enrolments);
        Assert.Equal([new DateOnly(2026, 12, 1)], enrolment.Attended);
        var ics = await admin.GetAsync(page + "?handler=Calendar");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;TZID=Europe/Warsaw:20261201T090000\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Warsaw:20261202T120000\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Obsługa klienta w CRM\\, poziom 1", calendar, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(calendar, "BEGIN:VEVENT"));
    }

    [Fact]
    public async Task Issued_certificates_have_a_public_page_and_a_pdf_with_the_participants_name()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        var order = await CreateOrderAsync(admin, await CreateLocationAsync(admin, "Sala zaświadczeń"), capacity: 5);
        var grain = fixture.Host.Grains.GetGrain<ITrainingOrderGrain>(order);
        var person = Guid.NewGuid();
        await fixture.Host.Grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Źdźisława", "Łęcka-Żurawska", "zdzislawa@example.pl", null, null, null, null, null));
        await grain.EnrolAsync(person, EnrolmentSource.Office, null, "office");
        foreach (var phase in new[] { "enrolment", "closed", "delivered" })
        {
            await grain.MoveToAsync(phase, "office");
        }

        await grain.RecordAttendanceAsync(new DateOnly(2026, 12, 1), [person], "office");
        await grain.RecordAttendanceAsync(new DateOnly(2026, 12, 2), [person], "office");
        var page = $"/Training/Orders/Details/{order}";
        Assert.Contains("Wydaj zaświadczenia (1)", WebUtility.HtmlDecode(await admin.GetStringAsync(page)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, [], page + "?handler=Certificates")).StatusCode);

        var certificate = Assert.Single((await grain.GetAsync())!.Certificates);
        var visitor = fixture.Host.Anonymous();
        var publicPage = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/Certificates/Training/{certificate.Code}"));
        Assert.Contains("Źdźisława Łęcka-Żurawska", publicPage, StringComparison.Ordinal);
        Assert.Contains(certificate.Number, publicPage, StringComparison.Ordinal);
        var pdf = await visitor.GetAsync($"/Certificates/Training/{certificate.Code}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = document.GetPage(1).Text;
        Assert.Contains("Źdźisława Łęcka-Żurawska", text, StringComparison.Ordinal);
        Assert.Contains(certificate.Number, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Certificates/Training/0000000000000000")).StatusCode);
    }

    [Fact]
    public async Task Only_training_administrators_reach_the_office_pages()
    {
        var candidate = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate));
        var partner = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.ExamOperator));

        foreach (var client in new[] { candidate, partner })
        {
            foreach (var path in new[] { "/Training/Orders", "/Training/Orders/Create", "/Training/Setup", "/Training/Setup/Type" })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    private static async Task<Guid> CreateLocationAsync(HttpClient admin, string name)
    {
        var response = await admin.PostFormAsync("/Training/Setup/Location", new()
        {
            ["Form.Name"] = name,
            ["Form.Address"] = "ul. Wronia 1",
            ["Form.City"] = "Poznań",
            ["Form.County"] = "poznański",
            ["Form.Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetStringAsync("/Training/Setup");
        return Guid.Parse(LocationLink(name).Match(WebUtility.HtmlDecode(list)).Groups[1].Value);
    }

    private static async Task<Guid> CreateOrderAsync(HttpClient admin, Guid location, int capacity)
    {
        var response = await admin.PostFormAsync("/Training/Orders/Create", new()
        {
            ["Form.TypeId"] = OrderTypes.DefaultId,
            ["Form.Title"] = "Obsługa klienta w CRM, poziom 1",
            ["Form.LocationId"] = location.ToString(),
            ["Form.Price"] = "350,50",
            ["Form.Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Visibility"] = nameof(OrderVisibility.Public),
            ["Form.Meetings[0].Date"] = "2026-12-01",
            ["Form.Meetings[0].From"] = "09:00",
            ["Form.Meetings[0].To"] = "15:00",
            ["Form.Meetings[1].Date"] = "2026-12-02",
            ["Form.Meetings[1].From"] = "09:00",
            ["Form.Meetings[1].To"] = "12:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Regex LocationLink(string name) => new($"href=\"/Training/Setup/Location/([0-9a-f-]{{36}})\">{Regex.Escape(name)}<");

    private static Regex WaitingList(string name) => new($"<ol id=\"waiting\">\\s*<li>\\s*Zapisowa[0-9a-f]+ {name}");
}
