using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Certification.Assessment;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

/// <summary>
/// The reviewer's tools for an appeal: the step-by-step replay of the candidate's simulation, and a new validation that
/// puts the candidate on an upcoming session (at once, or later from the office's list), as the candidate, the reviewer
/// and the office see it.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class AppealReviewPagesTests(PortalFixture fixture)
{
    private static readonly CultureInfo Polish = new("pl-PL");

    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_reviewer_steps_through_the_simulation_rebuilt_from_its_seed_and_log()
    {
        (string Name, string Id) account = ("", "");
        var (session, candidate) = await Host.TheoryDoneAsync(
            passTheory: false, lastName: "Odtwarzany", whileOpen: async (s, c) => account = await Host.ThreeActionsAsync(s, c));
        var (anna, annaEmail, reviewerEmail) = await AppealAsync(session, candidate);
        var reviewer = await Host.SignedInAsync(reviewerEmail);
        var replay = $"/Review/Replay/{session}/{candidate}";

        Assert.Contains($"href=\"{replay}\"", await reviewer.GetStringAsync($"/Review/Appeal/{session}/{candidate}"), StringComparison.Ordinal);

        var start = await TextAsync(await reviewer.GetAsync(replay));
        Assert.Contains("Krok 0 z 3", start, StringComparison.Ordinal);
        Assert.Contains("Scenariusz taki, jaki zastał kandydat, przed jego pierwszym działaniem.", start, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-account=\"{account.Id}\"", start, StringComparison.Ordinal);
        Assert.Equal("NotMet", VerdictOf(start, "1.2.2"));
        Assert.DoesNotContain("id=\"replay-previous\"", start, StringComparison.Ordinal);
        Assert.Contains($"href=\"{replay}?step=1\" rel=\"next\"", start, StringComparison.Ordinal);

        var created = await TextAsync(await reviewer.GetAsync(replay + "?step=1"));
        Assert.Contains("Krok 1: Utworzenie klienta", created, StringComparison.Ordinal);
        Assert.Contains($"przyjęte: Utworzono konto klienta „{account.Name}”.", created, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<tr class=\"changed\" data-account=\"{account.Id}\">\\s*<td>{Regex.Escape(account.Name)}</td>"), created);
        Assert.NotEqual("NotMet", VerdictOf(created, "1.2.2"));
        Assert.Matches(ChangedVerdict("1.2.2"), created);
        Assert.Contains($"href=\"{replay}?step=0\" rel=\"prev\"", created, StringComparison.Ordinal);

        var refused = await TextAsync(await reviewer.GetAsync(replay + "?step=2"));
        Assert.Contains("Krok 2: Przeniesienie szansy do innego etapu", refused, StringComparison.Ordinal);
        Assert.Matches(new Regex("id=\"replay-outcome\" data-accepted=\"false\">odrzucone: \\S"), refused);
        Assert.Contains($"data-account=\"{account.Id}\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr class=\"changed\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("deal-chip changed", refused, StringComparison.Ordinal);

        var beyond = await TextAsync(await reviewer.GetAsync(replay + "?step=99"));
        Assert.Contains("Nie ma kroku 99: kroki mają numery od 0 do 3. Pokazano krok 3.", beyond, StringComparison.Ordinal);
        Assert.Contains("Krok 3: Dodanie osoby kontaktowej", beyond, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"replay-next\"", beyond, StringComparison.Ordinal);
        Assert.Contains("Numer kroku musi być liczbą całkowitą. Pokazano początek.", await TextAsync(await reviewer.GetAsync(replay + "?step=trzy")), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"replay-divergence\"", beyond, StringComparison.Ordinal);

        // Only the appeal's reviewer: not the panel, not the office, not another assessor, not the candidate.
        var panelMember = await Host.SignedInAsync(annaEmail);
        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        var (_, otherEmail) = await Host.StaffPersonAsync("Olga", "Postronna");
        var other = await Host.SignedInAsync(otherEmail);
        foreach (var client in new[] { panelMember, office, other })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(replay + "?step=1")).StatusCode);
        }

        var candidateClient = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: candidate));
        Assert.StartsWith("/Account/AccessDenied", (await candidateClient.GetAsync(replay)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login", (await Host.Anonymous().GetAsync(replay)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/Review/Replay/{session}/{anna}")).StatusCode);
    }

    [Fact]
    public async Task A_new_validation_puts_the_candidate_on_the_session_the_reviewer_chose_and_everyone_sees_it()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: false, lastName: "Ponowny");
        var (_, _, reviewerEmail) = await AppealAsync(session, candidate);
        var next = await ScheduledSessionAsync("Walidacja poprawkowa", 10);
        var begun = await ScheduledSessionAsync("Walidacja przeterminowana", -1);
        var reviewer = await Host.SignedInAsync(reviewerEmail);
        var review = $"/Review/Appeal/{session}/{candidate}";

        var form = await TextAsync(await reviewer.GetAsync(review));
        Assert.Contains($"<option value=\"{next.Id}\">{next.Title}, {Shown(next.StartsAt)}</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(begun.Id.ToString(), form, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{session}\"", form, StringComparison.Ordinal);

        var refused = await reviewer.PostFormAsync(review, Decide(begun.Id), review + "?handler=Decide");
        Assert.Contains("Ta sesja już się rozpoczęła lub została zamknięta: wybierz sesję, która dopiero jest zaplanowana.", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Null((await Host.Grains.Assessment(session, candidate).GetAsync()).Appeal!.Outcome);
        Assert.Empty((await Host.Grains.GetGrain<IExamSessionGrain>(begun.Id).GetAsync())!.Roster);

        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(review, Decide(next.Id), review + "?handler=Decide")).StatusCode);

        Assert.Contains(candidate, (await Host.Grains.GetGrain<IExamSessionGrain>(next.Id).GetAsync())!.Roster);
        var scheduled = $"wyznaczona: sesja „{next.Title}”, {Shown(next.StartsAt)}";
        Assert.Contains(scheduled, await TextAsync(await reviewer.GetAsync(review)), StringComparison.Ordinal);

        var candidateClient = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: candidate));
        var decision = await TextAsync(await candidateClient.GetAsync($"/Candidate/Decision/{session}"));
        Assert.Contains("decyzja negatywna", decision, StringComparison.Ordinal);
        Assert.Contains("Ta decyzja została uchylona", decision, StringComparison.Ordinal);
        Assert.Contains("uwzględnione: walidacja zostanie przeprowadzona ponownie", decision, StringComparison.Ordinal);
        Assert.Contains(scheduled, decision, StringComparison.Ordinal);
        Assert.Contains(next.Title, await candidateClient.GetStringAsync("/Candidate"), StringComparison.Ordinal);

        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        var trail = await TextAsync(await office.GetAsync($"/Review/Trail/{session}/{candidate}"));
        Assert.Contains("Renata Recenzentka rozpatrzył(a) odwołanie: uwzględnione: walidacja zostanie przeprowadzona ponownie — decyzja komisji uchylona", trail, StringComparison.Ordinal);
        Assert.Contains($"Kandydat(ka) wpisany(a) na listę sesji „{next.Title}” ({Shown(next.StartsAt)}): ponowna walidacja po uwzględnieniu odwołania", trail, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-candidate=\"{candidate}\"", Section(await office.GetStringAsync("/Exams/Appeals"), "awaiting-title"), StringComparison.Ordinal);

        // No simulation was started in this sitting: the replay says so.
        Assert.Contains("Kandydat nie rozpoczął symulacji: nie ma czego odtwarzać.", await TextAsync(await reviewer.GetAsync($"/Review/Replay/{session}/{candidate}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_candidate_awaiting_a_session_is_on_the_offices_list_until_it_puts_them_on_a_roster()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: false, lastName: "Oczekujący");
        var (_, _, reviewerEmail) = await AppealAsync(session, candidate);
        var reviewer = await Host.SignedInAsync(reviewerEmail);
        var review = $"/Review/Appeal/{session}/{candidate}";
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(review, Decide(null), review + "?handler=Decide")).StatusCode);
        Assert.Contains("czeka na wyznaczenie sesji", await TextAsync(await reviewer.GetAsync(review)), StringComparison.Ordinal);

        var later = await ScheduledSessionAsync("Walidacja wiosenna", 40);
        var begun = await ScheduledSessionAsync("Walidacja zimowa", -3);
        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        var awaiting = Section(WebUtility.HtmlDecode(await office.GetStringAsync("/Exams/Appeals")), "awaiting-title");
        Assert.Contains($"data-candidate=\"{candidate}\"", awaiting, StringComparison.Ordinal);
        Assert.Contains("Oczekujący Kandydat", awaiting, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{later.Id}\">{later.Title}, {Shown(later.StartsAt)}</option>", awaiting, StringComparison.Ordinal);
        Assert.DoesNotContain(begun.Id.ToString(), awaiting, StringComparison.Ordinal);

        var schedule = $"/Exams/Appeals?handler=Schedule&sessionId={session}&personId={candidate}";
        Assert.Contains("Wybierz sesję z listy.", await TextAsync(await office.PostFormAsync("/Exams/Appeals", [], schedule)), StringComparison.Ordinal);
        var tooLate = await office.PostFormAsync("/Exams/Appeals", new() { ["target"] = begun.Id.ToString() }, schedule);
        Assert.Contains("Ta sesja już się rozpoczęła lub została zamknięta", await TextAsync(tooLate), StringComparison.Ordinal);
        Assert.True((await Host.Grains.Assessment(session, candidate).GetAsync()).Appeal!.Revalidation!.IsAwaiting);

        var candidateClient = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: candidate));
        Assert.Contains("czeka na wyznaczenie sesji", await TextAsync(await candidateClient.GetAsync($"/Candidate/Decision/{session}")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/Exams/Appeals", new() { ["target"] = later.Id.ToString() }, schedule)).StatusCode);

        Assert.Equal([candidate], (await Host.Grains.GetGrain<IExamSessionGrain>(later.Id).GetAsync())!.Roster);
        Assert.DoesNotContain($"data-candidate=\"{candidate}\"", Section(await office.GetStringAsync("/Exams/Appeals"), "awaiting-title"), StringComparison.Ordinal);
        Assert.Contains($"wyznaczona: sesja „{later.Title}”, {Shown(later.StartsAt)}", await TextAsync(await candidateClient.GetAsync($"/Candidate/Decision/{session}")), StringComparison.Ordinal);
        Assert.Contains($"Kandydat(ka) wpisany(a) na listę sesji „{later.Title}”", await TextAsync(await office.GetAsync($"/Review/Trail/{session}/{candidate}")), StringComparison.Ordinal);

        // Nobody else is put on a roster through the list: one no longer awaiting is not on it.
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostFormAsync("/Exams/Appeals", new() { ["target"] = later.Id.ToString() }, schedule)).StatusCode);
    }

    /// <summary>The candidate appeals the panel's signed decision and the office assigns a reviewer from outside the panel.</summary>
    private async Task<(Guid Anna, string AnnaEmail, string ReviewerEmail)> AppealAsync(Guid session, Guid candidate)
    {
        var (anna, annaEmail) = await Host.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Drugi");
        var (reviewer, reviewerEmail) = await Host.StaffPersonAsync("Renata", "Recenzentka");
        await Host.SignedDecisionAsync(session, candidate, [anna, piotr]);
        var grain = Host.Grains.Assessment(session, candidate);
        Assert.True((await grain.FileAppealAsync(candidate, "Podczas symulacji zerwało się połączenie.", "candidate")).Succeeded);
        Assert.Empty(await grain.AssignReviewerAsync(reviewer, "office"));
        return (anna, annaEmail, reviewerEmail);
    }

    private async Task<(Guid Id, string Title, DateTimeOffset StartsAt)> ScheduledSessionAsync(string title, int days)
    {
        var id = Guid.NewGuid();
        var startsAt = new DateTimeOffset(fixture.ExamClock.GetUtcNow().AddDays(days).UtcDateTime.Date.AddHours(8), TimeSpan.Zero);
        var named = $"{title} {id.ToString()[..4]}";
        Assert.True((await Host.Grains.GetGrain<IExamSessionGrain>(id).ScheduleAsync(new SessionDetails(ValidationScenarios.Qualification, named, startsAt, "Sala 5", Guid.NewGuid(), false))).Succeeded);
        return (id, named, startsAt);
    }

    private static Dictionary<string, string> Decide(Guid? session) => new()
    {
        ["Outcome"] = "new",
        ["Reasons"] = "Połączenie zerwało się na 20 minut: symulacja zostanie powtórzona przed nową komisją.",
        ["RevalidationSession"] = session?.ToString() ?? string.Empty,
    };

    private static string Shown(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Warsaw).ToString("g", Polish);

    private static string? VerdictOf(string page, string criterion) =>
        Regex.Match(page, $"data-criterion=\"{Regex.Escape(criterion)}\" data-verdict=\"(\\w+)\"") is { Success: true } match ? match.Groups[1].Value : null;

    private static Regex ChangedVerdict(string criterion) => new($"data-criterion=\"{Regex.Escape(criterion)}\" data-verdict=\"\\w+\" class=\"changed\"");

    /// <summary>The page from the heading with this id on: a section of a page with more than one table.</summary>
    private static string Section(string page, string headingId) => page[page.IndexOf($"id=\"{headingId}\"", StringComparison.Ordinal)..];

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
