using System.Net;
using System.Text.RegularExpressions;
using Certification.Assessment;
using Certification.Portal.Accounts;
using Certification.Testing;
using Certification.Training;

namespace Certification.Portal.Tests;

/// <summary>The panel's work in the portal: appointing panels, independent grading, the decision, the candidate's appeal and its review.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class AssessmentPagesTests(PortalFixture fixture)
{
    private static readonly System.Globalization.CultureInfo Polish = new("pl-PL");

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_panel_with_the_candidates_trainer_or_a_declared_conflict_is_refused_with_the_reason_and_nothing_is_saved()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: false, lastName: "Bezstronny");
        var (trainer, _) = await Host.StaffPersonAsync("Tadeusz", "Trenerski");
        var (anna, _) = await Host.StaffPersonAsync("Anna", "Niezależna");
        var (declaring, declaringEmail) = await Host.StaffPersonAsync("Dorota", "Sąsiadka");
        await TrainedByAsync(trainer, candidate, "Obsługa klienta w CRM — warsztaty");
        var admin = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Exams/Sessions/Details/{session}";

        var trained = await AppointAsync(admin, session, candidate, trainer, anna);
        var tooSmall = await AppointAsync(admin, session, candidate, anna);

        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        Assert.Contains(
            "Tadeusz Trenerski prowadził(a) szkolenie „Obsługa klienta w CRM — warsztaty” (01.10.2026–01.10.2026), w którym kandydat(ka) uczestniczy",
            await TextAsync(trained), StringComparison.Ordinal);
        Assert.Contains("Komisja musi liczyć co najmniej dwie osoby.", await TextAsync(tooSmall), StringComparison.Ordinal);

        // The assessor declares a conflict on their own page: a reason is required.
        var assessor = await Host.SignedInAsync(declaringEmail);
        var noReason = await assessor.PostFormAsync("/Assessor/Conflicts", new() { ["CandidateId"] = candidate.ToString(), ["Reason"] = " " });
        Assert.Contains("Podaj powód konfliktu interesów.", await TextAsync(noReason), StringComparison.Ordinal);
        Assert.Equal(0, await Host.Database.ScalarAsync<long>($"SELECT count(*) FROM assessor_conflict WHERE assessor_id = '{declaring}'"));
        var declared = await assessor.PostFormAsync("/Assessor/Conflicts", new() { ["CandidateId"] = candidate.ToString(), ["Reason"] = "Kandydat jest moim szwagrem." });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Contains("Kandydat jest moim szwagrem.", await assessor.GetStringAsync("/Assessor/Conflicts"), StringComparison.Ordinal);
        var conflicted = await AppointAsync(admin, session, candidate, declaring, anna);
        Assert.Contains("Dorota Sąsiadka zgłosił(a) konflikt interesów z kandydatem: Kandydat jest moim szwagrem.", await TextAsync(conflicted), StringComparison.Ordinal);

        Assert.Empty((await Host.Grains.Assessment(session, candidate).GetAsync()).Panel);
        Assert.Equal(0, await Host.Database.ScalarAsync<long>($"SELECT count(*) FROM assessment_projection WHERE person_id = '{candidate}'"));

        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Drugi");
        Assert.Equal(HttpStatusCode.Redirect, (await AppointAsync(admin, session, candidate, anna, piotr)).StatusCode);
        Assert.Equal([anna, piotr], (await Host.Grains.Assessment(session, candidate).GetAsync()).Panel);
        Assert.Contains("Anna Niezależna, Piotr Drugi", await TextAsync(await admin.GetAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assessor_who_declares_a_conflict_leaves_the_panel_and_the_office_sees_it_incomplete_and_completes_it()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: true, lastName: "Wycofany");
        var (anna, annaEmail) = await Host.StaffPersonAsync("Anna", "Pozostała");
        var (piotr, piotrEmail) = await Host.StaffPersonAsync("Piotr", "Szwagier");
        var (ewa, _) = await Host.StaffPersonAsync("Ewa", "Zastępcza");
        var grain = Host.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        await Host.SubmitAsync(session, candidate, anna, AssessmentPart.Practical);
        await Host.SubmitAsync(session, candidate, piotr, AssessmentPart.Practical, "1.2.2");
        var admin = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Exams/Sessions/Details/{session}";
        Assert.DoesNotContain($"data-incomplete=\"{candidate}\"", await admin.GetStringAsync(page), StringComparison.Ordinal);

        var assessor = await Host.SignedInAsync(piotrEmail);
        var declared = await assessor.PostFormAsync("/Assessor/Conflicts", new() { ["CandidateId"] = candidate.ToString(), ["Reason"] = "Kandydat jest moim szwagrem." });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);

        // He is off the panel: his pages of this validation are gone, and his grades no longer count.
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync($"/Assessor/Practical/{session}/{candidate}")).StatusCode);
        Assert.DoesNotContain(candidate.ToString(), await assessor.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        Assert.Equal([anna], (await grain.GetAsync()).Submitted[AssessmentPart.Practical]);
        var remaining = await Host.SignedInAsync(annaEmail);
        Assert.Contains("w toku — komisja niepełna", await TextAsync(await remaining.GetAsync("/Assessor")), StringComparison.Ordinal);
        var decision = $"/Assessor/Decision/{session}/{candidate}";
        Assert.Contains("Komisja jest niepełna: ktoś się z niej wycofał.", await TextAsync(await remaining.GetAsync(decision)), StringComparison.Ordinal);
        var refused = await remaining.PostFormAsync(decision, new() { ["Outcome"] = "positive" }, decision + "?handler=Draft");
        Assert.Contains("id=\"decision-error\"", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Null((await grain.GetAsync()).Decision);

        // The office sees the panel incomplete and completes it; the trail says why.
        var incomplete = await TextAsync(await admin.GetAsync(page));
        Assert.Contains($"data-incomplete=\"{candidate}\"", incomplete, StringComparison.Ordinal);
        Assert.Matches(IncompletePanel(), incomplete);
        Assert.Contains("Uzupełnij komisję", incomplete, StringComparison.Ordinal);
        var trail = await TextAsync(await admin.GetAsync($"/Review/Trail/{session}/{candidate}"));
        Assert.Contains("Piotr Szwagier zgłosił(a) konflikt interesów i został(a) wycofany(-a) z komisji", trail, StringComparison.Ordinal);
        Assert.Contains("Kandydat jest moim szwagrem.", trail, StringComparison.Ordinal);

        var recomposed = await AppointAsync(admin, session, candidate, ewa, piotr);
        Assert.Contains("Niepełną komisję można tylko uzupełnić", await TextAsync(recomposed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AppointAsync(admin, session, candidate, anna, ewa)).StatusCode);
        var completed = await TextAsync(await admin.GetAsync(page));
        Assert.DoesNotContain($"data-incomplete=\"{candidate}\"", completed, StringComparison.Ordinal);
        Assert.Contains("Anna Pozostała, Ewa Zastępcza", completed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assessors_grade_alone_see_the_others_only_after_submitting_and_resolve_a_disagreement_with_a_reason()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: true, lastName: "Oceniany");
        var (anna, annaEmail) = await Host.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, piotrEmail) = await Host.StaffPersonAsync("Piotr", "Drugi");
        Assert.Empty(await Host.Grains.Assessment(session, candidate).AppointPanelAsync([anna, piotr], "office"));
        var criteria = (await Host.CriteriaAsync(AssessmentPart.Practical)).Select(c => c.Id).ToList();
        var first = await Host.SignedInAsync(annaEmail);
        var second = await Host.SignedInAsync(piotrEmail);
        var practical = $"/Assessor/Practical/{session}/{candidate}";

        Assert.Contains("1.2.2 Tworzy konta klientów w systemie CRM", await TextAsync(await first.GetAsync(practical)), StringComparison.Ordinal);
        Assert.Contains(practical, await first.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        var draft = await first.PostFormAsync(practical, Sheet(criteria.Take(1), "tajny-szkic-Anny"), practical + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Contains($"Szkic zapisany: 1 z {criteria.Count} kryteriów ocenionych.", await TextAsync(await first.GetAsync(draft.Headers.Location!.ToString())), StringComparison.Ordinal);
        var incomplete = await first.PostFormAsync(practical, Sheet(criteria.Take(3), null), practical + "?handler=Submit");
        Assert.Contains("Oceń każde kryterium, zanim przekażesz ocenę.", await TextAsync(incomplete), StringComparison.Ordinal);
        Assert.Empty((await Host.Grains.Assessment(session, candidate).GetAsync()).Submitted[AssessmentPart.Practical]);

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(practical, Sheet(criteria, "uwaga-Anny"), practical + "?handler=Submit")).StatusCode);
        var beforeSubmitting = await second.GetStringAsync(practical);
        Assert.DoesNotContain("uwaga-Anny", beforeSubmitting, StringComparison.Ordinal);
        Assert.DoesNotContain("tajny-szkic-Anny", beforeSubmitting, StringComparison.Ordinal);
        Assert.DoesNotContain("data-disagreement", beforeSubmitting, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(practical, Sheet(criteria, "uwaga-Piotra", unmet: "1.2.2"), practical + "?handler=Submit")).StatusCode);
        var afterSubmitting = await second.GetStringAsync(practical);
        Assert.Contains("uwaga-Anny", afterSubmitting, StringComparison.Ordinal);
        Assert.Contains("data-disagreement=\"1.2.2\"", afterSubmitting, StringComparison.Ordinal);
        Assert.Contains("uwaga-Piotra", await first.GetStringAsync(practical), StringComparison.Ordinal);

        var resolve = practical + "?handler=Resolve";
        var noReason = await first.PostFormAsync(practical, new() { ["criterionId"] = "1.2.2", ["met"] = "met", ["reason"] = "" }, resolve);
        Assert.Contains("Podaj uzasadnienie rozstrzygnięcia.", await TextAsync(noReason), StringComparison.Ordinal);
        var agreed = await first.PostFormAsync(practical, new() { ["criterionId"] = "1.2.3", ["met"] = "met", ["reason"] = "x" }, resolve);
        Assert.Contains("W tym kryterium oceny członków komisji są zgodne", await TextAsync(agreed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect,
            (await first.PostFormAsync(practical, new() { ["criterionId"] = "1.2.2", ["met"] = "met", ["reason"] = "Konto założone w drugiej próbie." }, resolve)).StatusCode);

        var resolution = Assert.Single((await Host.Grains.Assessment(session, candidate).GetAsync()).Resolutions[AssessmentPart.Practical]);
        Assert.Equal(("1.2.2", true, "Konto założone w drugiej próbie.", anna), (resolution.CriterionId, resolution.Met, resolution.Reason, resolution.RecordedBy));
        Assert.DoesNotContain("data-disagreement", await second.GetStringAsync(practical), StringComparison.Ordinal);
        Assert.Contains("Konto założone w drugiej próbie.", await TextAsync(await second.GetAsync(practical)), StringComparison.Ordinal);

        // The interview protocol suggests the questions of each criterion verified by interview.
        var interview = await TextAsync(await first.GetAsync($"/Assessor/Interview/{session}/{candidate}"));
        Assert.Contains("Skąd wolno pozyskiwać dane o klientach i na jakiej podstawie prawnej można je przetwarzać?", interview, StringComparison.Ordinal);
        Assert.Contains("Notatki z rozmowy", interview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_decision_needs_a_justification_of_each_unmet_part_and_a_reworded_decision_is_signed_again()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: false, lastName: "Decyzyjny");
        var (anna, annaEmail) = await Host.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, piotrEmail) = await Host.StaffPersonAsync("Piotr", "Drugi");
        var grain = Host.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        foreach (var assessor in new[] { anna, piotr })
        {
            await Host.SubmitAsync(session, candidate, assessor, AssessmentPart.Practical, "2.5.6");
            await Host.SubmitAsync(session, candidate, assessor, AssessmentPart.Interview);
        }

        var first = await Host.SignedInAsync(annaEmail);
        var second = await Host.SignedInAsync(piotrEmail);
        var page = $"/Assessor/Decision/{session}/{candidate}";
        var shown = await TextAsync(await first.GetAsync(page));
        Assert.Contains("decyzja negatywna", shown, StringComparison.Ordinal);
        Assert.Contains("Uzasadnienie: Test teoretyczny", shown, StringComparison.Ordinal);
        Assert.Contains("Uzasadnienie: 2.5.6 Oznacza szanse jako wygrane lub stracone", shown, StringComparison.Ordinal);

        var unjustified = await first.PostFormAsync(page, new() { ["Outcome"] = "negative", ["Justifications[theory]"] = "Wynik 0 % przy progu 70 %." }, page + "?handler=Draft");
        var refused = await TextAsync(unjustified);
        Assert.Matches(MissingJustification(), refused);
        Assert.Null((await grain.GetAsync()).Decision);
        var positive = await first.PostFormAsync(page, new() { ["Outcome"] = "positive" }, page + "?handler=Draft");
        Assert.Contains("To rozstrzygnięcie nie wynika z ocen", await TextAsync(positive), StringComparison.Ordinal);

        var justified = new Dictionary<string, string>
        {
            ["Outcome"] = "negative",
            ["Justifications[theory]"] = "Wynik 0 % przy progu 70 %.",
            ["Justifications[2.5.6]"] = "Szansa nie została oznaczona jako wygrana.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(page, justified, page + "?handler=Draft")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(page, [], page + "?handler=Sign")).StatusCode);
        Assert.Contains("Piotr Drugi: czeka na podpis", await TextAsync(await second.GetAsync(page)), StringComparison.Ordinal);

        // Piotr rewords it: Anna's signature was for other words.
        justified["Justifications[2.5.6]"] = "Szansa „Serwis 2027” nie została oznaczona jako wygrana ani stracona.";
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(page, justified, page + "?handler=Draft")).StatusCode);
        Assert.Empty((await grain.GetAsync()).Decision!.Signatures);
        Assert.Contains("Anna Pierwsza: czeka na podpis", await TextAsync(await first.GetAsync(page)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(page, [], page + "?handler=Sign")).StatusCode);
        Assert.Null((await grain.GetAsync()).Decision!.SignedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(page, [], page + "?handler=Sign")).StatusCode);
        var signed = await TextAsync(await first.GetAsync(page));
        Assert.Contains("Decyzja podpisana", signed, StringComparison.Ordinal);
        Assert.Contains("Szansa „Serwis 2027” nie została oznaczona jako wygrana ani stracona.", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"decision-form\"", signed, StringComparison.Ordinal);
        Assert.NotNull((await grain.GetAsync()).Decision!.SignedAt);
    }

    [Fact]
    public async Task The_candidate_sees_only_their_own_signed_decision_and_an_appeal_after_the_deadline_is_refused()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: false, lastName: "Odwołujący");
        var (_, other) = await Host.TheoryDoneAsync(passTheory: false, lastName: "Inny");
        var candidateClient = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: candidate));
        var otherClient = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: other));
        var page = $"/Candidate/Decision/{session}";
        var (anna, _) = await Host.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Drugi");
        Assert.Empty(await Host.Grains.Assessment(session, candidate).AppointPanelAsync([anna, piotr], "office"));

        Assert.Equal(HttpStatusCode.NotFound, (await candidateClient.GetAsync(page)).StatusCode);

        var grain = Host.Grains.Assessment(session, candidate);
        foreach (var assessor in new[] { anna, piotr })
        {
            await Host.SubmitAsync(session, candidate, assessor, AssessmentPart.Practical);
            await Host.SubmitAsync(session, candidate, assessor, AssessmentPart.Interview);
        }

        Assert.True((await grain.DraftDecisionAsync(DecisionOutcome.Negative, new Dictionary<string, string> { ["theory"] = "Test teoretyczny niezaliczony: 0 %." }, anna, "a")).Succeeded);
        await grain.SignDecisionAsync(anna, "a");
        Assert.Equal(HttpStatusCode.NotFound, (await candidateClient.GetAsync(page)).StatusCode);
        await grain.SignDecisionAsync(piotr, "p");

        var decision = await TextAsync(await candidateClient.GetAsync(page));
        Assert.Contains("decyzja negatywna", decision, StringComparison.Ordinal);
        Assert.Contains("Test teoretyczny niezaliczony: 0 %.", decision, StringComparison.Ordinal);
        var lastDay = (await grain.GetAsync()).AppealLastDay!.Value;
        Assert.Contains($"do {lastDay.ToString("d", Polish)} włącznie", decision, StringComparison.Ordinal);
        Assert.Contains(page, await candidateClient.GetStringAsync("/Candidate"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.PostFormAsync("/", new() { ["Reasons"] = "Cudze odwołanie." }, page + "?handler=Appeal")).StatusCode);

        var empty = await candidateClient.PostFormAsync(page, new() { ["Reasons"] = " " }, page + "?handler=Appeal");
        Assert.Contains("Podaj uzasadnienie.", await TextAsync(empty), StringComparison.Ordinal);

        fixture.ExamClock.Advance(TimeSpan.FromDays(AppealRules.DefaultDays + 2));
        try
        {
            var late = await candidateClient.PostFormAsync(page, new() { ["Reasons"] = "Nie zgadzam się z oceną." }, page + "?handler=Appeal");
            Assert.Contains($"Termin na złożenie odwołania minął {lastDay.ToString("d", Polish)}. Odwołania nie można już złożyć.", await TextAsync(late), StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"appeal-form\"", await candidateClient.GetStringAsync(page), StringComparison.Ordinal);
        }
        finally
        {
            fixture.ExamClock.Advance(-TimeSpan.FromDays(AppealRules.DefaultDays + 2));
        }

        Assert.Null((await grain.GetAsync()).Appeal);
    }

    [Fact]
    public async Task An_appeal_is_reviewed_by_someone_off_the_panel_and_everything_is_on_the_audit_trail()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: true, lastName: "Apelujący");
        var (anna, annaEmail) = await Host.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Drugi");
        var (trainer, _) = await Host.StaffPersonAsync("Tadeusz", "Trenerski");
        var (reviewer, reviewerEmail) = await Host.StaffPersonAsync("Renata", "Recenzentka", Roles.TrainingAdmin);
        await TrainedByAsync(trainer, candidate, "Kurs przygotowawczy do walidacji");
        await Host.SignedDecisionAsync(session, candidate, [anna, piotr], "2.4.1");
        var candidateClient = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: candidate));
        var decisionPage = $"/Candidate/Decision/{session}";

        Assert.Equal(HttpStatusCode.Redirect,
            (await candidateClient.PostFormAsync(decisionPage, new() { ["Reasons"] = "Szablon oferty jest w moim CRM, zapisany o 10:42." }, decisionPage + "?handler=Appeal")).StatusCode);
        Assert.Contains("czeka na rozpatrzenie", await TextAsync(await candidateClient.GetAsync(decisionPage)), StringComparison.Ordinal);

        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        Assert.Contains("Apelujący Kandydat", await office.GetStringAsync("/Exams/Appeals"), StringComparison.Ordinal);
        var assign = $"/Exams/Appeals?handler=Assign&sessionId={session}&personId={candidate}";
        var onPanel = await office.PostFormAsync("/Exams/Appeals", new() { ["reviewer"] = anna.ToString() }, assign);
        Assert.Contains("Anna Pierwsza zasiadał(a) w komisji tego kandydata i nie może rozpatrywać odwołania.", await TextAsync(onPanel), StringComparison.Ordinal);
        var trained = await office.PostFormAsync("/Exams/Appeals", new() { ["reviewer"] = trainer.ToString() }, assign);
        Assert.Contains("Tadeusz Trenerski nie może rozpatrywać odwołania: prowadził(a) szkolenie „Kurs przygotowawczy do walidacji”", await TextAsync(trained), StringComparison.Ordinal);
        Assert.Null((await Host.Grains.Assessment(session, candidate).GetAsync()).Appeal!.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/Exams/Appeals", new() { ["reviewer"] = reviewer.ToString() }, assign)).StatusCode);

        var review = $"/Review/Appeal/{session}/{candidate}";
        var panelMember = await Host.SignedInAsync(annaEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await panelMember.GetAsync(review)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(review)).StatusCode);
        var reviewerClient = await Host.SignedInAsync(reviewerEmail);
        var shown = await TextAsync(await reviewerClient.GetAsync(review));
        Assert.Contains("Szablon oferty jest w moim CRM, zapisany o 10:42.", shown, StringComparison.Ordinal);
        Assert.Contains("Uzasadnienie części 2.4.1.", shown, StringComparison.Ordinal);
        Assert.Contains(review, await reviewerClient.GetStringAsync("/Review"), StringComparison.Ordinal);

        var noOutcome = await reviewerClient.PostFormAsync(review, new() { ["Outcome"] = "changed", ["Reasons"] = "Szablon jest w logu." }, review + "?handler=Decide");
        Assert.Contains("Zmieniając decyzję, wskaż nowe rozstrzygnięcie", await TextAsync(noOutcome), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound,
            (await panelMember.PostFormAsync("/", new() { ["Outcome"] = "rejected", ["Reasons"] = "Sam sobie." }, review + "?handler=Decide")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewerClient.PostFormAsync(review,
            new() { ["Outcome"] = "changed", ["Reasons"] = "Szablon oferty jest w logu działań (10:42).", ["NewOutcome"] = "positive", ["Justifications[2.4.1]"] = "zostaje" },
            review + "?handler=Decide")).StatusCode);

        var seen = (await Host.Grains.Assessment(session, candidate).GetForCandidateAsync())!;
        Assert.Equal((DecisionOutcome.Positive, AppealOutcome.DecisionChanged), (seen.Outcome, seen.Appeal!.Outcome));
        Assert.Empty(seen.Justifications);
        Assert.Contains("uwzględnione: decyzja zmieniona", await TextAsync(await candidateClient.GetAsync(decisionPage)), StringComparison.Ordinal);

        var trail = $"/Review/Trail/{session}/{candidate}";
        var record = await TextAsync(await office.GetAsync(trail));
        Assert.Contains("Wyznaczono komisję: Anna Pierwsza, Piotr Drugi", record, StringComparison.Ordinal);
        Assert.Contains("Kandydat(ka) złożył(a) odwołanie", record, StringComparison.Ordinal);
        Assert.Contains("Wyznaczono recenzenta odwołania: Renata Recenzentka", record, StringComparison.Ordinal);
        Assert.Contains("Renata Recenzentka rozpatrzył(a) odwołanie: uwzględnione: decyzja zmieniona (decyzja pozytywna)", record, StringComparison.Ordinal);
        Assert.Contains("Szablon oferty jest w logu działań (10:42).", record, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reviewerClient.GetAsync(trail)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await panelMember.GetAsync(trail)).StatusCode);
    }

    [Fact]
    public async Task Nobody_off_the_panel_reaches_its_pages_or_changes_anything()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: false, lastName: "Chroniony");
        var (anna, _) = await Host.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Drugi");
        var (_, outsiderEmail) = await Host.StaffPersonAsync("Olga", "Postronna");
        Assert.Empty(await Host.Grains.Assessment(session, candidate).AppointPanelAsync([anna, piotr], "office"));
        var outsider = await Host.SignedInAsync(outsiderEmail);
        var unlinked = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Assessor));
        var criteria = (await Host.CriteriaAsync(AssessmentPart.Practical)).Select(c => c.Id).ToList();

        foreach (var client in new[] { outsider, unlinked })
        {
            foreach (var part in new[] { "Practical", "Interview", "Decision" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Assessor/{part}/{session}/{candidate}")).StatusCode);
            }

            var practical = $"/Assessor/Practical/{session}/{candidate}";
            foreach (var handler in new[] { "Save", "Submit" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/", Sheet(criteria, null), $"{practical}?handler={handler}")).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound,
                (await client.PostFormAsync("/", new() { ["criterionId"] = criteria[0], ["met"] = "met", ["reason"] = "x" }, $"{practical}?handler=Resolve")).StatusCode);
            var decision = $"/Assessor/Decision/{session}/{candidate}";
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/", new() { ["Outcome"] = "negative", ["Justifications[theory]"] = "x" }, decision + "?handler=Draft")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/", [], decision + "?handler=Sign")).StatusCode);
            Assert.DoesNotContain(candidate.ToString(), await client.GetStringAsync("/Assessor"), StringComparison.Ordinal);
        }

        Assert.Equal(1, (await Host.Grains.Assessment(session, candidate).GetAsync()).Version);

        // Other roles do not reach the panel's, the reviewers' or the office's pages at all.
        var partner = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.PartnerAdmin, fixture.ClientA));
        var candidateClient = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.Candidate, personId: candidate));
        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        string[] staffPages =
        [
            "/Assessor", "/Assessor/Conflicts", $"/Assessor/Practical/{session}/{candidate}", $"/Assessor/Decision/{session}/{candidate}",
            "/Review", $"/Review/Appeal/{session}/{candidate}", $"/Review/Trail/{session}/{candidate}",
            "/Exams/Appeals", $"/Exams/Sessions/Agreement/{session}",
        ];
        foreach (var path in staffPages)
        {
            await AssertDeniedAsync(partner, path);
            await AssertDeniedAsync(candidateClient, path);
        }

        await AssertDeniedAsync(partner, $"/Candidate/Decision/{session}");
        await AssertDeniedAsync(office, $"/Assessor/Practical/{session}/{candidate}");
        await AssertDeniedAsync(outsider, "/Exams/Appeals");
        await AssertDeniedAsync(outsider, $"/Review/Trail/{session}/{candidate}", notFound: true);
    }

    [Fact]
    public async Task The_office_sees_how_far_the_first_two_independent_grades_of_a_session_agreed()
    {
        var (session, candidate) = await Host.TheoryDoneAsync(passTheory: true, lastName: "Zgodny");
        var (anna, _) = await Host.StaffPersonAsync("Anna", "Pierwsza");
        var (piotr, _) = await Host.StaffPersonAsync("Piotr", "Drugi");
        var (third, _) = await Host.StaffPersonAsync("Tomasz", "Trzeci");
        var office = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        var page = $"/Exams/Sessions/Agreement/{session}";
        Assert.Contains("Nie ma jeszcze kandydatów z dwiema przekazanymi ocenami.", await TextAsync(await office.GetAsync(page)), StringComparison.Ordinal);

        Assert.Empty(await Host.Grains.Assessment(session, candidate).AppointPanelAsync([anna, piotr, third], "office"));
        await Host.SubmitAsync(session, candidate, anna, AssessmentPart.Practical, "1.2.2", "1.2.3");
        await Host.SubmitAsync(session, candidate, piotr, AssessmentPart.Practical, "1.2.2");
        await Host.SubmitAsync(session, candidate, anna, AssessmentPart.Interview);
        await Host.SubmitAsync(session, candidate, piotr, AssessmentPart.Interview);
        // A third sheet is not a second independent opinion of the same kind: it is left out.
        await Host.SubmitAsync(session, candidate, third, AssessmentPart.Practical, "2.5.1", "2.5.2", "2.5.3");

        var text = await TextAsync(await office.GetAsync(page));

        // Practical: 26 pairs, 25 equal; Anna "met" 24 times, Piotr 25: chance 602/676, kappa (25/26 − 602/676) / (1 − 602/676) = 0.649.
        Assert.Matches(Row("Practical", 26, 25, "96,2", "0,65"), text);
        // Interview: every grade "met", so chance explains all and kappa is undefined.
        Assert.Matches(Row("Interview", 12, 12, "100,0", "—"), text);
        // Both: 38 pairs, 37 equal; 36 and 37 "met": chance 1334/1444, kappa 0.655.
        Assert.Matches(Row("all", 38, 37, "97,4", "0,65"), text);
        Assert.Contains("Zgodność powyżej 80 % uważa się za rozsądną.", text, StringComparison.Ordinal);
    }

    private static Regex Row(string part, int pairs, int agreed, string share, string kappa) =>
        new($"data-part=\"{part}\">\\s*<th[^>]*>[^<]+</th>\\s*<td class=\"num\">{pairs}</td>\\s*<td class=\"num\">{agreed}</td>\\s*<td class=\"num\">\\s*{Regex.Escape(share)}[\\s\\u00a0]?%.*?</td>\\s*<td class=\"num\">{Regex.Escape(kappa)}</td>",
            RegexOptions.Singleline);

    private static async Task AssertDeniedAsync(HttpClient client, string path, bool notFound = false)
    {
        var response = await client.GetAsync(path);
        if (notFound)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Sheet(IEnumerable<string> criteria, string? comment, params string[] unmet)
    {
        var fields = new Dictionary<string, string>();
        var i = 0;
        foreach (var criterion in criteria)
        {
            fields[$"Grades[{i}].CriterionId"] = criterion;
            fields[$"Grades[{i}].Grade"] = unmet.Contains(criterion) ? "unmet" : "met";
            if (comment is not null)
            {
                fields[$"Grades[{i}].Comment"] = comment;
            }

            i++;
        }

        return fields;
    }

    private static Task<HttpResponseMessage> AppointAsync(HttpClient admin, Guid session, Guid candidate, params Guid[] assessors)
    {
        var page = $"/Exams/Sessions/Details/{session}";
        var content = new List<KeyValuePair<string, string>> { new("personId", candidate.ToString()) };
        content.AddRange(assessors.Select(a => new KeyValuePair<string, string>("assessors", a.ToString())));
        return admin.PostFormPairsAsync(page, content, page + "?handler=Panel");
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task TrainedByAsync(Guid trainer, Guid candidate, string title)
    {
        var location = Guid.NewGuid();
        await Host.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala", "ul. Wronia 1", "Poznań", "poznański"));
        var order = Host.Grains.GetGrain<ITrainingOrderGrain>(Guid.NewGuid());
        Assert.True((await order.CreateAsync(OrderTypes.DefaultId, new OrderDetails(title, null,
            [new(new DateOnly(2026, 10, 1), new TimeOnly(9, 0), new TimeOnly(15, 0))], location, trainer, 350m, 10, OrderVisibility.Public, []), "office")).Succeeded);
        Assert.True((await order.EnrolAsync(candidate, EnrolmentSource.Office, null, "office")).Result.Succeeded);
    }

    [GeneratedRegex("data-part=\"2\\.5\\.6\">Uzasadnij decyzję: ta część nie została zaliczona\\.</span>")]
    private static partial Regex MissingJustification();

    [GeneratedRegex("data-panel=\"[^\"]+\">Anna Pozostała</span>\\s*<br />\\s*<span class=\"badge\" data-incomplete=\"[^\"]+\">komisja niepełna</span>")]
    private static partial Regex IncompletePanel();
}
