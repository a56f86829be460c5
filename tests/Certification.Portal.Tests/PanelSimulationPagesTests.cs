using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Certification.Assessment;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Accounts;
using Certification.Simulation;
using Certification.Testing;

namespace Certification.Portal.Tests;

/// <summary>The panel's pages about a candidate's simulation: the live view as first drawn, the read-only CRM, and the notes where decisions are made.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class PanelSimulationPagesTests(PortalFixture fixture)
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_practical_page_draws_the_stream_and_the_verdicts_for_the_panel_only()
    {
        var observed = await Host.ObservedSimulationAsync("Rysowana");
        var simulation = Host.Grains.Simulation(observed.Session, observed.Candidate);
        await simulation.ExecuteAsync("p-1", new CreateAccount(Account("Hurtownia Rysowana sp. z o.o.")), "candidate");
        await simulation.ExecuteAsync("p-2", new CreateAccount(Account("Hurtownia Odrzucona") with { Nip = "1234567890" }), "candidate");
        var page = $"/Assessor/Practical/{observed.Session}/{observed.Candidate}";
        var (_, outsiderEmail) = await Host.StaffPersonAsync("Olga", "Obca");

        var html = WebUtility.HtmlDecode(await (await Host.SignedInAsync(observed.FirstEmail)).GetStringAsync(page));

        Assert.Contains("data-last=\"2\"", html, StringComparison.Ordinal);
        var accepted = Row().Match(html[html.IndexOf("<tr id=\"action-1\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains("Hurtownia Rysowana sp. z o.o.", accepted, StringComparison.Ordinal);
        Assert.Contains("wykonane", accepted, StringComparison.Ordinal);
        var refused = Row().Match(html[html.IndexOf("<tr id=\"action-2\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains("class=\"refused\"", refused, StringComparison.Ordinal);
        Assert.Contains("Utworzenie klienta", refused, StringComparison.Ordinal);
        Assert.Contains("odrzucone: ", refused, StringComparison.Ordinal);
        // Every practical criterion with the checker's status now; evidence names the log entry.
        var verdicts = await simulation.CheckAsync();
        foreach (var verdict in verdicts)
        {
            Assert.Contains($"data-criterion=\"{verdict.CriterionId}\" data-verdict=\"{verdict.Verdict}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"#action-2\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Host.SignedInAsync(outsiderEmail)).GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task The_panel_reads_the_candidates_crm_and_nothing_an_assessor_can_reach_changes_it()
    {
        var observed = await Host.ObservedSimulationAsync("Czytana");
        var simulation = Host.Grains.Simulation(observed.Session, observed.Candidate);
        var created = (await simulation.ExecuteAsync("r-1", new CreateAccount(Account("Kwiaciarnia Czytana")), "candidate")).Action!.CreatedId!;
        var sandbox = $"/Assessor/Sandbox/{observed.Session}/{observed.Candidate}";
        var anna = await Host.SignedInAsync(observed.FirstEmail);

        foreach (var section in new[] { "", "?section=accounts", "?section=contacts", "?section=opportunities", "?section=tasks", "?section=segments", "?section=offers", "?section=reports" })
        {
            var response = await anna.GetAsync(sandbox + section);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<form", MainOf(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Contains("Kwiaciarnia Czytana", WebUtility.HtmlDecode(await anna.GetStringAsync(sandbox + "?section=accounts")), StringComparison.Ordinal);
        var account = WebUtility.HtmlDecode(await anna.GetStringAsync($"{sandbox}?section=accounts&id={created}"));
        Assert.Contains("<h2>Kwiaciarnia Czytana</h2>", account, StringComparison.Ordinal);
        Assert.Contains("Arkusz zadań", WebUtility.HtmlDecode(await anna.GetStringAsync(sandbox)), StringComparison.Ordinal);

        // Only the panel reads it, and the candidate's own pages and commands are closed to an assessor.
        var (_, outsiderEmail) = await Host.StaffPersonAsync("Olga", "Obca");
        Assert.Equal(HttpStatusCode.NotFound, (await (await Host.SignedInAsync(outsiderEmail)).GetAsync(sandbox)).StatusCode);
        var candidate = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: observed.Candidate));
        Assert.NotEqual(HttpStatusCode.OK, (await candidate.GetAsync(sandbox)).StatusCode);
        var version = (await simulation.GetStateAsync())!.Version;
        Assert.NotEqual(HttpStatusCode.OK, (await anna.GetAsync($"/Candidate/Simulation/{observed.Session}")).StatusCode);
        var command = await anna.PostAsJsonAsync($"/api/simulation/{observed.Session}/commands",
            new { commandId = "assessor-1", command = new Dictionary<string, object?> { ["$type"] = "account.event", ["accountId"] = created, ["kind"] = "Note", ["text"] = "Asesor" } });
        Assert.NotEqual(HttpStatusCode.OK, command.StatusCode);
        Assert.Equal(version, (await simulation.GetStateAsync())!.Version);
        Assert.Single(await simulation.GetActionsAsync(0));
    }

    [Fact]
    public async Task Notes_stand_beside_their_actions_on_the_decision_the_appeal_and_the_trail()
    {
        var observed = await Host.ObservedSimulationAsync("Zanotowana", passTheory: false);
        var (session, candidate) = (observed.Session, observed.Candidate);
        var simulation = Host.Grains.Simulation(session, candidate);
        await simulation.ExecuteAsync("n-1", new CreateAccount(Account("Hurtownia Zanotowana")), "candidate");
        var grain = Host.Grains.Assessment(session, candidate);
        Assert.True((await grain.NoteObservationAsync(1, "Założyła konto bez NIP — zapytać na rozmowie.", observed.Second, "piotr")).Succeeded);
        await Host.SignedDecisionAsync(session, candidate, [observed.First, observed.Second]);

        var decision = WebUtility.HtmlDecode(await (await Host.SignedInAsync(observed.FirstEmail)).GetStringAsync($"/Assessor/Decision/{session}/{candidate}"));
        var notes = decision[decision.IndexOf("id=\"observations\"", StringComparison.Ordinal)..];
        Assert.Contains("Założyła konto bez NIP — zapytać na rozmowie.", notes, StringComparison.Ordinal);
        Assert.Contains($"/Assessor/Practical/{session}/{candidate}#action-1", notes, StringComparison.Ordinal);
        Assert.Contains("Hurtownia Zanotowana", notes, StringComparison.Ordinal);
        Assert.Contains("Piotr Drugi", notes, StringComparison.Ordinal);

        Assert.True((await grain.FileAppealAsync(candidate, "Konto było poprawne.", "candidate")).Succeeded);
        var (reviewer, reviewerEmail) = await Host.StaffPersonAsync("Renata", "Recenzentka");
        Assert.Empty(await grain.AssignReviewerAsync(reviewer, "office"));
        var review = await Host.SignedInAsync(reviewerEmail);
        var appeal = WebUtility.HtmlDecode(await review.GetStringAsync($"/Review/Appeal/{session}/{candidate}"));
        Assert.Contains("Założyła konto bez NIP — zapytać na rozmowie.", appeal[appeal.IndexOf("id=\"observations\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Hurtownia Zanotowana", appeal[appeal.IndexOf("id=\"observations\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var trail = WebUtility.HtmlDecode(await review.GetStringAsync($"/Review/Trail/{session}/{candidate}"));
        Assert.Contains("Piotr Drugi przypiął(-ęła) notatkę do działania nr 1: Założyła konto bez NIP — zapytać na rozmowie.", trail, StringComparison.Ordinal);
    }

    private static AccountData Account(string name) =>
        new(name, AccountKind.Company, "handel", null, null, null, "Poznań", null, null, null, null, 8, AccountStatus.Prospect);

    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
