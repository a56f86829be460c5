using Certification.Assessment;
using Certification.Exams;
using Certification.Testing;

namespace Certification.Grains.Tests;

/// <summary>
/// An appeal upheld with a new validation: the panel's decision is set aside but kept, and the candidate is put on the
/// roster of an upcoming session of the same qualification, now or later from the office's list; all on the audit trail.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RevalidationTests(ClusterFixture fixture)
{
    private const string Qualification = "CRM-PRK4";

    [Fact]
    public async Task A_new_validation_puts_the_candidate_on_the_chosen_upcoming_session_and_sets_the_decision_aside()
    {
        var (session, candidate, reviewer) = await AppealAsync();
        var grain = fixture.Grains.Assessment(session, candidate);
        var someoneElse = await PersonAsync();
        var next = await ScheduledSessionAsync("Walidacja grudniowa", DaysFromNow(14), someoneElse);
        var begun = await ScheduledSessionAsync("Walidacja zaległa", DaysFromNow(-1));
        var before = await grain.GetAsync();

        // A session that cannot take the new validation is refused with the reason and nothing changes.
        Assert.Equal(RevalidationRules.SameSession, await RefusedAsync(grain, reviewer, AppealOutcome.NewValidation, session));
        Assert.Equal(RevalidationRules.UnknownSession, await RefusedAsync(grain, reviewer, AppealOutcome.NewValidation, Guid.NewGuid()));
        Assert.Equal(RevalidationRules.NotUpcoming, await RefusedAsync(grain, reviewer, AppealOutcome.NewValidation, begun));
        Assert.Equal(RevalidationRules.OnlyForNewValidation, await RefusedAsync(grain, reviewer, AppealOutcome.Rejected, next));
        Assert.Equal(before.Version, (await grain.GetAsync()).Version);
        Assert.Null((await grain.GetAsync()).Appeal!.Outcome);
        Assert.Equal([someoneElse], (await Session(next).GetAsync())!.Roster);
        Assert.DoesNotContain(candidate, (await Session(begun).GetAsync())!.Roster);

        var decided = await grain.DecideAppealAsync(
            AppealOutcome.NewValidation, "Przerwa w dostawie prądu podczas symulacji.", null, null, reviewer, "reviewer", next);

        Assert.True(decided.Succeeded);
        Assert.Equal([someoneElse, candidate], (await Session(next).GetAsync())!.Roster);
        var after = await grain.GetAsync();
        Assert.Equal(DecisionOutcome.Negative, after.Decision!.Outcome);
        Assert.Equal(before.Decision!.Justifications, after.Decision.Justifications);
        Assert.Equal(after.Appeal!.DecidedAt, after.Decision.SetAsideAt);
        Assert.Equal(AppealOutcome.NewValidation, after.Appeal.Outcome);
        var scheduled = after.Appeal.Revalidation!;
        Assert.Equal((next, "Walidacja grudniowa", false), (scheduled.SessionId, scheduled.SessionTitle, scheduled.IsAwaiting));
        Assert.Equal((await Session(next).GetAsync())!.Details.StartsAt, scheduled.StartsAt);
        var seen = (await grain.GetForCandidateAsync())!;
        Assert.Equal((DecisionOutcome.Negative, after.Decision.SetAsideAt, next), (seen.Outcome, seen.SetAsideAt, seen.Appeal!.Revalidation!.SessionId));

        Assert.Equal("appeal-decided|reviewer|Przerwa w dostawie prądu podczas symulacji.,revalidation-scheduled|reviewer|", await TrailEndAsync(session, candidate));
        Assert.Equal($"t|{next}", await ProjectionAsync(session, candidate));
        Assert.Equal(RevalidationRules.NotAwaiting, (await grain.ScheduleRevalidationAsync(next, "office")).Errors[0].Code);
    }

    [Fact]
    public async Task Without_an_upcoming_session_the_candidate_awaits_one_and_the_office_puts_them_on_a_roster_later()
    {
        var (session, candidate, reviewer) = await AppealAsync();
        var grain = fixture.Grains.Assessment(session, candidate);

        Assert.True((await grain.DecideAppealAsync(AppealOutcome.NewValidation, "Ponowna walidacja przed nową komisją.", null, null, reviewer, "reviewer")).Succeeded);

        Assert.True((await grain.GetAsync()).Appeal!.Revalidation!.IsAwaiting);
        Assert.NotNull((await grain.GetAsync()).Decision!.SetAsideAt);
        Assert.Equal("t|", await ProjectionAsync(session, candidate));
        Assert.Equal("appeal-decided|reviewer|Ponowna walidacja przed nową komisją.", await TrailEndAsync(session, candidate, 1));

        var begun = await ScheduledSessionAsync("Walidacja zaległa", DaysFromNow(-2));
        var version = (await grain.GetAsync()).Version;
        Assert.Equal(RevalidationRules.NotUpcoming, (await grain.ScheduleRevalidationAsync(begun, "office")).Errors[0].Code);
        Assert.Equal(RevalidationRules.SameSession, (await grain.ScheduleRevalidationAsync(session, "office")).Errors[0].Code);
        Assert.Equal(version, (await grain.GetAsync()).Version);
        Assert.Empty((await Session(begun).GetAsync())!.Roster);

        var next = await ScheduledSessionAsync("Walidacja styczniowa", DaysFromNow(30));
        Assert.True((await grain.ScheduleRevalidationAsync(next, "office")).Succeeded);

        Assert.Equal([candidate], (await Session(next).GetAsync())!.Roster);
        Assert.Equal(next, (await grain.GetAsync()).Appeal!.Revalidation!.SessionId);
        Assert.Equal("revalidation-scheduled|office|", await TrailEndAsync(session, candidate, 1));
        Assert.Equal($"t|{next}", await ProjectionAsync(session, candidate));
        Assert.Equal(RevalidationRules.NotAwaiting, (await grain.ScheduleRevalidationAsync(next, "office")).Errors[0].Code);
    }

    [Fact]
    public async Task Only_an_appeal_upheld_with_a_new_validation_puts_anyone_on_a_roster()
    {
        var (session, candidate, reviewer) = await AppealAsync();
        var grain = fixture.Grains.Assessment(session, candidate);
        var next = await ScheduledSessionAsync("Walidacja marcowa", DaysFromNow(60));

        Assert.Equal(RevalidationRules.NotAwaiting, (await grain.ScheduleRevalidationAsync(next, "office")).Errors[0].Code);
        Assert.True((await grain.DecideAppealAsync(AppealOutcome.Rejected, "Zapis symulacji jest kompletny.", null, null, reviewer, "reviewer")).Succeeded);
        Assert.Equal(RevalidationRules.NotAwaiting, (await grain.ScheduleRevalidationAsync(next, "office")).Errors[0].Code);

        Assert.Empty((await Session(next).GetAsync())!.Roster);
        Assert.Null((await grain.GetAsync()).Decision!.SetAsideAt);
        Assert.Null((await grain.GetAsync()).Appeal!.Revalidation);
        Assert.Equal("f|", await ProjectionAsync(session, candidate));
    }

    private DateTimeOffset DaysFromNow(int days) => fixture.Clock.GetUtcNow().AddDays(days);

    private IExamSessionGrain Session(Guid id) => fixture.Grains.GetGrain<IExamSessionGrain>(id);

    private static async Task<string> RefusedAsync(IAssessmentGrain grain, Guid reviewer, AppealOutcome outcome, Guid session)
    {
        var result = await grain.DecideAppealAsync(outcome, "Uzasadnienie.", null, null, reviewer, "reviewer", session);
        Assert.False(result.Succeeded);
        return result.Errors[0].Code;
    }

    /// <summary>The last <paramref name="count"/> events of the validation's trail as kind|actor|reason.</summary>
    private Task<string?> TrailEndAsync(Guid session, Guid candidate, int count = 2) =>
        fixture.Database.ScalarAsync<string>(
            $"""
            SELECT string_agg(kind || '|' || actor || '|' || coalesce(reason, ''), ',' ORDER BY seq) FROM (
                SELECT * FROM audit_event WHERE stream = '{AssessmentKey.Stream(session, candidate)}' ORDER BY seq DESC LIMIT {count}) last
            """);

    /// <summary>Whether the projection has the decision set aside (t/f) and the session of the new validation.</summary>
    private Task<string?> ProjectionAsync(Guid session, Guid candidate) =>
        fixture.Database.ScalarAsync<string>(
            $"""
            SELECT CASE WHEN decision_set_aside_at IS NULL THEN 'f' ELSE 't' END || '|' || coalesce(revalidation_session_id::text, '')
            FROM assessment_projection WHERE session_id = '{session}' AND person_id = '{candidate}'
            """);

    private async Task<Guid> ScheduledSessionAsync(string title, DateTimeOffset startsAt, params Guid[] roster)
    {
        var id = Guid.NewGuid();
        var scheduled = await Session(id).ScheduleAsync(new SessionDetails(Qualification, title, startsAt, "Sala 2", Guid.NewGuid(), false));
        Assert.True(scheduled.Succeeded);
        if (roster.Length > 0)
        {
            Assert.True((await Session(id).SetRosterAsync(scheduled.Version, roster)).Succeeded);
        }

        return id;
    }

    /// <summary>
    /// A closed sitting whose candidate failed the theory test, a signed negative decision of a two-person panel, the
    /// candidate's appeal and a reviewer from outside the panel.
    /// </summary>
    private async Task<(Guid Session, Guid Candidate, Guid Reviewer)> AppealAsync()
    {
        var candidate = await PersonAsync();
        var session = Guid.NewGuid();
        var sitting = Session(session);
        var scheduled = await sitting.ScheduleAsync(new SessionDetails(Qualification, "Walidacja listopadowa", fixture.Clock.GetUtcNow(), "Sala 1", Guid.NewGuid(), false));
        Assert.True((await sitting.SetRosterAsync(scheduled.Version, [candidate])).Succeeded);
        Assert.True((await sitting.OpenAsync("operator")).Succeeded);
        var test = fixture.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, candidate));
        await test.OpenAsync("c", "candidate");
        await test.SubmitAsync("c", "candidate");
        Assert.True((await sitting.CloseAsync("operator")).Succeeded);

        var (anna, piotr, reviewer) = (await PersonAsync(), await PersonAsync(), await PersonAsync());
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        var qualification = (await fixture.Grains.GetGrain<Qualifications.IQualificationGrain>(Qualification).GetAsync())!;
        foreach (var assessor in new[] { anna, piotr })
        {
            foreach (var part in new[] { AssessmentPart.Practical, AssessmentPart.Interview })
            {
                var grades = AssessmentCriteria.Of(qualification, part).Select(c => new CriterionGrade(c.Id, true, null)).ToList();
                Assert.True((await grain.SaveGradesAsync(part, assessor, grades, true, "assessor")).Succeeded);
            }
        }

        var justification = new Dictionary<string, string> { [DecisionRules.TheoryPart] = "Test teoretyczny niezaliczony." };
        Assert.True((await grain.DraftDecisionAsync(DecisionOutcome.Negative, justification, anna, "anna")).Succeeded);
        Assert.True((await grain.SignDecisionAsync(anna, "anna")).Succeeded);
        Assert.True((await grain.SignDecisionAsync(piotr, "piotr")).Succeeded);
        Assert.True((await grain.FileAppealAsync(candidate, "W trakcie symulacji zabrakło prądu.", "candidate")).Succeeded);
        Assert.Empty(await grain.AssignReviewerAsync(reviewer, "office"));
        return (session, candidate, reviewer);
    }

    private async Task<Guid> PersonAsync()
    {
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<Crm.IPersonGrain>(person).CreateAsync(Samples.Person(null))).Succeeded);
        return person;
    }
}
