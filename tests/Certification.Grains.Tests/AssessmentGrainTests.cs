using System.Text.Json;
using Certification.Assessment;
using Certification.Crm;
using Certification.Exams;
using Certification.Testing;
using Certification.Training;

namespace Certification.Grains.Tests;

/// <summary>One candidate's validation through its grain: panel, independent grades, decision, appeal, all on the audit trail.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AssessmentGrainTests(ClusterFixture fixture)
{
    private const string Qualification = "CRM-PRK4";

    [Fact]
    public async Task Nobody_who_trained_the_candidate_or_declared_a_conflict_sits_on_their_panel()
    {
        var (session, candidate) = await SessionAsync(passTheory: false);
        var (trainer, other, declaring) = (await PersonAsync(), await PersonAsync(), await PersonAsync());
        await TrainedByAsync(trainer, candidate, "Obsługa klienta w CRM — warsztaty");
        var conflicts = new PanelConflicts(fixture.Database.DataSource, fixture.Grains, TimeProvider.System);
        Assert.Equal(PanelConflicts.ReasonRequired, await conflicts.DeclareAsync(declaring, candidate, " ", "asesor"));
        Assert.Null(await conflicts.DeclareAsync(declaring, candidate, "kandydat jest moim sąsiadem", "asesor"));
        var grain = fixture.Grains.Assessment(session, candidate);

        var trained = Assert.Single(await grain.AppointPanelAsync([trainer, other], "office"));
        Assert.Equal((PanelRules.TrainedCandidate, trainer), (trained.Code, trained.AssessorId));
        Assert.Contains("Obsługa klienta w CRM — warsztaty", trained.Detail, StringComparison.Ordinal);
        Assert.Equal(PanelRules.DeclaredConflict, Assert.Single(await grain.AppointPanelAsync([declaring, other], "office")).Code);
        Assert.Equal(PanelRules.TooSmall, Assert.Single(await grain.AppointPanelAsync([other], "office")).Code);
        Assert.Empty((await grain.GetAsync()).Panel);

        var third = await PersonAsync();
        Assert.Empty(await grain.AppointPanelAsync([other, third], "office"));
        Assert.Equal([other, third], (await grain.GetAsync()).Panel);
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            $"SELECT panel = ARRAY['{other}', '{third}']::uuid[] FROM assessment_projection WHERE session_id = '{session}' AND person_id = '{candidate}'"));
    }

    [Fact]
    public async Task Each_assessor_grades_alone_until_they_submit_and_disagreements_are_resolved_with_a_reason()
    {
        var (session, candidate) = await SessionAsync(passTheory: false);
        var (anna, piotr) = (await PersonAsync(), await PersonAsync());
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        var criteria = await PracticalCriteriaAsync();

        Assert.Equal(AssessmentGrain.NotOnPanel, (await grain.SaveGradesAsync(AssessmentPart.Practical, Guid.NewGuid(), [], false, "x")).Errors[0].Code);
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, anna, [new(criteria[0], true, "konto utworzone")], false, "anna")).Succeeded);
        Assert.Equal(GradingRules.Incomplete,
            (await grain.SaveGradesAsync(AssessmentPart.Practical, anna, [new(criteria[0], true, null)], true, "anna")).Errors[0].Code);
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, anna, Grades(criteria, met: true), true, "anna")).Succeeded);
        Assert.Equal(GradingRules.AlreadySubmitted,
            (await grain.SaveGradesAsync(AssessmentPart.Practical, anna, Grades(criteria, met: false), true, "anna")).Errors[0].Code);

        // Piotr has not submitted: he sees nothing of Anna's; she sees nothing of his draft.
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, piotr, [new(criteria[0], false, null)], false, "piotr")).Succeeded);
        Assert.Equal([piotr], (await grain.GetSheetsAsync(AssessmentPart.Practical, piotr)).Select(s => s.AssessorId));
        Assert.Equal([anna], (await grain.GetSheetsAsync(AssessmentPart.Practical, anna)).Select(s => s.AssessorId));
        Assert.Equal(GradingRules.NotAllSubmitted, (await grain.ResolveAsync(AssessmentPart.Practical, criteria[0], true, "ok", anna, "anna")).Errors[0].Code);
        Assert.Equal([anna], (await grain.GetSubmittedSheetsAsync(AssessmentPart.Practical)).Select(s => s.AssessorId));
        Assert.Empty((await grain.GetBasisAsync()).Practical);

        var disagreeing = Grades(criteria, met: true).Select((g, i) => i == 0 ? g with { Met = false, Comment = "brak NIP" } : g).ToList();
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, piotr, disagreeing, true, "piotr")).Succeeded);
        Assert.Equal(2, (await grain.GetSheetsAsync(AssessmentPart.Practical, anna)).Count);
        Assert.Equal([criteria[0]], (await grain.GetAsync()).Disagreements[AssessmentPart.Practical]);
        Assert.Equal(GradingRules.NoDisagreement, (await grain.ResolveAsync(AssessmentPart.Practical, criteria[1], true, "ok", anna, "anna")).Errors[0].Code);
        Assert.Equal(GradingRules.ReasonRequired, (await grain.ResolveAsync(AssessmentPart.Practical, criteria[0], true, " ", anna, "anna")).Errors[0].Code);
        Assert.Empty((await grain.GetBasisAsync()).Practical);
        Assert.True((await grain.ResolveAsync(AssessmentPart.Practical, criteria[0], true, "NIP uzupełniony w drugim kroku, widoczny w logu", anna, "anna")).Succeeded);
        Assert.Equal([anna, piotr], (await grain.GetSubmittedSheetsAsync(AssessmentPart.Practical)).Select(s => s.AssessorId));
        Assert.True((await grain.GetBasisAsync()).Practical.All(g => g.Value));
        Assert.Equal(criteria.Count, (await grain.GetBasisAsync()).Practical.Count);
        Assert.Equal(PanelRules.GradingStarted, Assert.Single(await grain.AppointPanelAsync([anna, await PersonAsync()], "office")).Code);

        // The record is the audit trail, append-only.
        var stream = $"assessment:{session:N}:{candidate:N}";
        Assert.Equal("panel,grades,grades,grades,grades,resolved", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY seq) FROM audit_event WHERE stream = '{stream}'"));
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => fixture.Database.ExecuteAsync($"UPDATE audit_event SET actor = 'x' WHERE stream = '{stream}'"));
        var read = await new Infrastructure.AuditLog<AssessmentEvent>(fixture.Database.DataSource).ReadAsync([AssessmentKey.Stream(session, candidate), "assessment:none"]);
        Assert.Equal(6, read[stream].Count);
        Assert.Equal(piotr, Assert.IsType<GradesSaved>(read[stream][4]).Assessor);
        Assert.Empty(read["assessment:none"]);
    }

    [Fact]
    public async Task A_negative_decision_needs_a_justification_per_unmet_part_and_the_signed_decision_opens_the_appeal_window()
    {
        var (session, candidate) = await SessionAsync(passTheory: false);
        var (anna, piotr) = (await PersonAsync(), await PersonAsync());
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        await GradeAllAsync(grain, [anna, piotr], met: true);

        var refused = await grain.DraftDecisionAsync(DecisionOutcome.Negative, new Dictionary<string, string>(), anna, "anna");
        Assert.Equal(("Justifications[theory]", DecisionRules.JustificationRequired), (refused.Errors[0].Field, refused.Errors[0].Code));
        Assert.Equal(DecisionRules.OutcomeMismatch, (await grain.DraftDecisionAsync(DecisionOutcome.Positive, new Dictionary<string, string>(), anna, "anna")).Errors[0].Code);
        Assert.True((await grain.DraftDecisionAsync(DecisionOutcome.Negative,
            new Dictionary<string, string> { ["theory"] = "Wynik testu teoretycznego poniżej progu 70 %.", ["1.2.2"] = "spełnione — nie powinno trafić do decyzji" }, anna, "anna")).Succeeded);
        Assert.Null(await grain.GetForCandidateAsync());

        Assert.True((await grain.SignDecisionAsync(anna, "anna")).Succeeded);
        Assert.Null(await grain.GetForCandidateAsync());
        Assert.True((await grain.SignDecisionAsync(piotr, "piotr")).Succeeded);
        var seen = (await grain.GetForCandidateAsync())!;
        Assert.Equal(DecisionOutcome.Negative, seen.Outcome);
        Assert.Equal(["theory"], seen.Justifications.Keys);
        Assert.Equal(AssessmentGrain.Final, (await grain.DraftDecisionAsync(DecisionOutcome.Negative, seen.Justifications, anna, "anna")).Errors[0].Code);
        // The withheld theory result is released with the decision.
        Assert.False((await fixture.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, candidate)).OpenAsync("c", "candidate")).View!.ResultWithheld);

        Assert.Equal(AssessmentGrain.NotCandidate, (await grain.FileAppealAsync(anna, "Nie zgadzam się.", "anna")).Errors[0].Code);
        Assert.Equal(AppealRules.ReasonsRequired, (await grain.FileAppealAsync(candidate, "", "candidate")).Errors[0].Code);
        fixture.Clock.Advance(TimeSpan.FromDays(AppealRules.DefaultDays + 1));
        try
        {
            Assert.Equal(AppealRules.Late, (await grain.FileAppealAsync(candidate, "Nie zgadzam się.", "candidate")).Errors[0].Code);
        }
        finally
        {
            fixture.Clock.Advance(-TimeSpan.FromDays(AppealRules.DefaultDays + 1));
        }
    }

    [Fact]
    public async Task An_appeal_goes_to_a_reviewer_from_outside_the_panel_who_can_change_the_decision()
    {
        var (session, candidate) = await SessionAsync(passTheory: true);
        var (anna, piotr, reviewer) = (await PersonAsync(), await PersonAsync(), await PersonAsync());
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        await GradeAllAsync(grain, [anna, piotr], met: true, failFirstPractical: true);
        var unmet = (await PracticalCriteriaAsync())[0];
        Assert.True((await grain.DraftDecisionAsync(DecisionOutcome.Negative,
            new Dictionary<string, string> { [unmet] = "Nie utworzono konta klienta." }, anna, "anna")).Succeeded);
        Assert.True((await grain.SignDecisionAsync(anna, "anna")).Succeeded);
        Assert.True((await grain.SignDecisionAsync(piotr, "piotr")).Succeeded);

        Assert.Equal(AssessmentGrain.NoAppeal, Assert.Single(await grain.AssignReviewerAsync(reviewer, "office")).Code);
        Assert.True((await grain.FileAppealAsync(candidate, "Konto utworzyłem — jest w historii działań o 10:42.", "candidate")).Succeeded);
        Assert.Equal(AppealRules.AlreadyFiled, (await grain.FileAppealAsync(candidate, "Jeszcze raz.", "candidate")).Errors[0].Code);
        Assert.Equal(AppealRules.ReviewerOnPanel, Assert.Single(await grain.AssignReviewerAsync(anna, "office")).Code);
        var trainer = await PersonAsync();
        await TrainedByAsync(trainer, candidate, "Kurs przygotowawczy");
        Assert.Equal(AppealRules.ReviewerConflict, Assert.Single(await grain.AssignReviewerAsync(trainer, "office")).Code);
        Assert.Empty(await grain.AssignReviewerAsync(reviewer, "office"));

        Assert.Equal(AssessmentGrain.NotReviewer, (await grain.DecideAppealAsync(AppealOutcome.Rejected, "Bez zmian.", null, null, anna, "anna")).Errors[0].Code);
        Assert.Equal(AssessmentGrain.NewDecisionRequired,
            (await grain.DecideAppealAsync(AppealOutcome.DecisionChanged, "Konto było w logu.", null, null, reviewer, "reviewer")).Errors[0].Code);
        Assert.True((await grain.DecideAppealAsync(AppealOutcome.DecisionChanged, "Konto jest w logu działań (10:42); kryterium spełnione.",
            DecisionOutcome.Positive, null, reviewer, "reviewer")).Succeeded);
        Assert.Equal(AssessmentGrain.AppealClosed, (await grain.DecideAppealAsync(AppealOutcome.Rejected, "x", null, null, reviewer, "reviewer")).Errors[0].Code);

        var seen = (await grain.GetForCandidateAsync())!;
        Assert.Equal((DecisionOutcome.Positive, AppealOutcome.DecisionChanged), (seen.Outcome, seen.Appeal!.Outcome));
        Assert.Equal("1|2", await fixture.Database.ScalarAsync<string>(
            $"SELECT decision || '|' || appeal_status FROM assessment_projection WHERE session_id = '{session}' AND person_id = '{candidate}'"));
        Assert.Equal("appeal-filed|candidate|Konto utworzyłem — jest w historii działań o 10:42.", await fixture.Database.ScalarAsync<string>(
            $"SELECT kind || '|' || actor || '|' || reason FROM audit_event WHERE stream = 'assessment:{session:N}:{candidate:N}' AND kind = 'appeal-filed'"));
    }

    [Fact]
    public async Task A_conflict_declared_on_the_panel_withdraws_the_assessor_until_the_decision_is_final_and_a_replacement_completes_the_panel()
    {
        var (earlier, candidate) = await SessionAsync(passTheory: true);
        var (session, _) = await SessionAsync(passTheory: true, candidate);
        var (anna, piotr, ewa, trainer) = (await PersonAsync(), await PersonAsync(), await PersonAsync(), await PersonAsync());
        var conflicts = new PanelConflicts(fixture.Database.DataSource, fixture.Grains, TimeProvider.System);
        var criteria = await PracticalCriteriaAsync();

        // An earlier validation of the same candidate, decided with Piotr on the panel.
        var decided = fixture.Grains.Assessment(earlier, candidate);
        Assert.Empty(await decided.AppointPanelAsync([anna, piotr], "office"));
        await GradeAllAsync(decided, [anna, piotr], met: true);
        Assert.True((await decided.DraftDecisionAsync(DecisionOutcome.Positive, new Dictionary<string, string>(), anna, "anna")).Succeeded);
        Assert.True((await decided.SignDecisionAsync(anna, "anna")).Succeeded);
        Assert.True((await decided.SignDecisionAsync(piotr, "piotr")).Succeeded);

        // This one is being graded: both submitted the practical part, differing on one criterion that Anna resolved;
        // Piotr has a draft of the interview.
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, anna, Grades(criteria, met: true), true, "anna")).Succeeded);
        var differing = Grades(criteria, met: true).Select((g, i) => i == 0 ? g with { Met = false } : g).ToList();
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, piotr, differing, true, "piotr")).Succeeded);
        Assert.True((await grain.ResolveAsync(AssessmentPart.Practical, criteria[0], true, "Konto jest w logu.", anna, "anna")).Succeeded);
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Interview, piotr, [new((await CriteriaAsync(Qualifications.VerificationMethod.Interview))[0], false, null)], false, "piotr")).Succeeded);
        Assert.Equal(criteria.Count, (await grain.GetBasisAsync()).Practical.Count);

        Assert.Null(await conflicts.DeclareAsync(piotr, candidate, "Kandydat jest moim szwagrem.", "piotr-account"));

        var now = await grain.GetAsync();
        Assert.Equal([anna], now.Panel);
        Assert.True(now.PanelIncomplete);
        Assert.Equal([anna], now.Submitted[AssessmentPart.Practical]);
        Assert.Empty(now.Resolutions[AssessmentPart.Practical]);
        Assert.Equal((piotr, "Kandydat jest moim szwagrem.", true), (now.Conflicts[0].Assessor, now.Conflicts[0].Reason, now.Conflicts[0].Withdrawn));
        Assert.Equal([anna], (await grain.GetSubmittedSheetsAsync(AssessmentPart.Practical)).Select(s => s.AssessorId));
        Assert.Empty(await grain.GetSheetsAsync(AssessmentPart.Interview, piotr));
        Assert.Empty((await grain.GetBasisAsync()).Practical);
        Assert.Equal(AssessmentGrain.NotOnPanel, (await grain.SaveGradesAsync(AssessmentPart.Interview, piotr, [], false, "piotr")).Errors[0].Code);
        Assert.Equal(PanelRules.Incomplete, (await grain.DraftDecisionAsync(DecisionOutcome.Positive, new Dictionary<string, string>(), anna, "anna")).Errors[0].Code);
        var stream = AssessmentKey.Stream(session, candidate);
        Assert.Equal("panel-withdrawn|piotr-account|Kandydat jest moim szwagrem.", await fixture.Database.ScalarAsync<string>(
            $"SELECT kind || '|' || actor || '|' || reason FROM audit_event WHERE stream = '{stream}' ORDER BY seq DESC LIMIT 1"));
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            $"SELECT panel = ARRAY['{anna}']::uuid[] FROM assessment_projection WHERE session_id = '{session}' AND person_id = '{candidate}'"));

        // The final decision stands; the declaration is on its record, once.
        var final = await decided.GetAsync();
        Assert.Equal([anna, piotr], final.Panel);
        Assert.Equal(DecisionOutcome.Positive, final.Decision!.Outcome);
        Assert.NotNull(final.Decision.SignedAt);
        Assert.False(Assert.Single(final.Conflicts).Withdrawn);
        var trails = $"SELECT count(*) FROM audit_event WHERE stream LIKE 'assessment:%:{candidate:N}'";
        var events = await fixture.Database.ScalarAsync<long>(trails);
        Assert.Null(await conflicts.DeclareAsync(piotr, candidate, "Kandydat jest moim szwagrem.", "piotr-account"));
        Assert.Equal(events, await fixture.Database.ScalarAsync<long>(trails));
        Assert.Equal("conflict-after-decision", await fixture.Database.ScalarAsync<string>(
            $"SELECT kind FROM audit_event WHERE stream = '{AssessmentKey.Stream(earlier, candidate)}' ORDER BY seq DESC LIMIT 1"));

        // The panel can now only be completed: Anna stays, the newcomer must be impartial too.
        await TrainedByAsync(trainer, candidate, "Kurs CRM");
        Assert.Equal(PanelRules.GradingStarted, Assert.Single(await grain.AppointPanelAsync([ewa, trainer], "office")).Code);
        Assert.Equal(PanelRules.DeclaredConflict, Assert.Single(await grain.AppointPanelAsync([anna, piotr], "office")).Code);
        Assert.Equal(PanelRules.TrainedCandidate, Assert.Single(await grain.AppointPanelAsync([anna, trainer], "office")).Code);
        Assert.Empty(await grain.AppointPanelAsync([anna, ewa], "office"));
        Assert.False((await grain.GetAsync()).PanelIncomplete);
        Assert.Equal(PanelRules.GradingStarted, Assert.Single(await grain.AppointPanelAsync([anna, ewa, trainer], "office")).Code);

        // Ewa grades on her own; the decision rests on Anna's and Ewa's grades.
        Assert.Empty(await grain.GetSheetsAsync(AssessmentPart.Practical, ewa));
        await GradeAllAsync(grain, [ewa], met: true);
        Assert.True((await grain.SaveGradesAsync(AssessmentPart.Interview, anna, Grades(await CriteriaAsync(Qualifications.VerificationMethod.Interview), met: true), true, "anna")).Succeeded);
        Assert.Empty((await grain.GetAsync()).Disagreements[AssessmentPart.Practical]);
        Assert.True((await grain.DraftDecisionAsync(DecisionOutcome.Positive, new Dictionary<string, string>(), ewa, "ewa")).Succeeded);
    }

    [Fact]
    public async Task A_withdrawal_makes_an_unsigned_decision_lapse()
    {
        var (session, candidate) = await SessionAsync(passTheory: true);
        var (anna, piotr) = (await PersonAsync(), await PersonAsync());
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        await GradeAllAsync(grain, [anna, piotr], met: true);
        Assert.True((await grain.DraftDecisionAsync(DecisionOutcome.Positive, new Dictionary<string, string>(), piotr, "piotr")).Succeeded);
        Assert.True((await grain.SignDecisionAsync(anna, "anna")).Succeeded);

        Assert.True((await grain.DeclareConflictAsync(piotr, "Pracowaliśmy razem.", "piotr")).Succeeded);

        Assert.Null((await grain.GetAsync()).Decision);
        Assert.Equal(AssessmentGrain.NoDraft, (await grain.SignDecisionAsync(anna, "anna")).Errors[0].Code);
        Assert.Null(await grain.GetForCandidateAsync());
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            $"SELECT decision IS NULL FROM assessment_projection WHERE session_id = '{session}' AND person_id = '{candidate}'"));
    }

    private async Task GradeAllAsync(IAssessmentGrain grain, Guid[] panel, bool met, bool failFirstPractical = false)
    {
        var practical = await PracticalCriteriaAsync();
        var interview = await CriteriaAsync(Qualifications.VerificationMethod.Interview);
        foreach (var assessor in panel)
        {
            var grades = Grades(practical, met).Select((g, i) => i == 0 && failFirstPractical ? g with { Met = false } : g).ToList();
            Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, assessor, grades, true, "a")).Succeeded);
            Assert.True((await grain.SaveGradesAsync(AssessmentPart.Interview, assessor, Grades(interview, met), true, "a")).Succeeded);
        }
    }

    private static List<CriterionGrade> Grades(IEnumerable<string> criteria, bool met) => [.. criteria.Select(c => new CriterionGrade(c, met, null))];

    private Task<IReadOnlyList<string>> PracticalCriteriaAsync() => CriteriaAsync(Qualifications.VerificationMethod.Simulation);

    private async Task<IReadOnlyList<string>> CriteriaAsync(Qualifications.VerificationMethod method) =>
        [.. (await fixture.Grains.GetGrain<Qualifications.IQualificationGrain>(Qualification).GetAsync())!
            .AllOutcomes().SelectMany(o => o.Criteria).Where(c => c.Methods.Contains(method)).Select(c => c.Id)];

    private async Task<Guid> PersonAsync()
    {
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(person).CreateAsync(Samples.Person(null))).Succeeded);
        return person;
    }

    private async Task TrainedByAsync(Guid trainer, Guid candidate, string title)
    {
        var location = Guid.NewGuid();
        await fixture.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).SaveLocationAsync(new TrainingLocation(location, "Sala", "ul. Wronia 1", "Poznań", "poznański"));
        var order = fixture.Grains.GetGrain<ITrainingOrderGrain>(Guid.NewGuid());
        Assert.True((await order.CreateAsync(OrderTypes.DefaultId, new OrderDetails(title, null,
            [new(new DateOnly(2026, 10, 1), new TimeOnly(9, 0), new TimeOnly(15, 0))], location, trainer, 350m, 10, OrderVisibility.Public, []), "office")).Succeeded);
        Assert.True((await order.EnrolAsync(candidate, EnrolmentSource.Office, null, "office")).Result.Succeeded);
    }

    /// <summary>A closed session with the candidate's theory test submitted: every answer right, or none given.</summary>
    private async Task<(Guid Session, Guid Candidate)> SessionAsync(bool passTheory, Guid? person = null)
    {
        var candidate = person ?? await PersonAsync();
        var session = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(new SessionDetails(Qualification, "Walidacja", DateTimeOffset.UtcNow, "Sala 1", Guid.NewGuid(), false));
        Assert.True((await grain.SetRosterAsync(scheduled.Version, [candidate])).Succeeded);
        Assert.True((await grain.OpenAsync("admin")).Succeeded);
        var test = fixture.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, candidate));
        await test.OpenAsync("c", "candidate");
        if (passTheory)
        {
            var drawn = await fixture.Database.ScalarAsync<string>(
                $"SELECT data::text FROM attempt_event WHERE attempt = '{TheoryTestKey.For(session, candidate)}' AND kind = 'drawn'");
            var seq = 0;
            foreach (var question in JsonDocument.Parse(drawn!).RootElement.GetProperty("questions").EnumerateArray())
            {
                var right = question.GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetString()!).ToList();
                await test.SaveAnswerAsync("c", "candidate", new AnswerChange(++seq, question.GetProperty("number").GetInt32(), right, false));
            }
        }

        await test.SubmitAsync("c", "candidate");
        Assert.True((await grain.CloseAsync("operator")).Succeeded);
        return (session, candidate);
    }
}
