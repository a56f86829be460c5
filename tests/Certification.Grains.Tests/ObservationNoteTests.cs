using Certification.Assessment;
using Certification.Crm;
using Certification.Exams;
using Certification.ExamSimulator.Sandbox;
using Certification.Simulation;

namespace Certification.Grains.Tests;

/// <summary>The panel's notes pinned to a candidate's actions: who may write them, about what, until when, and where they are kept.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ObservationNoteTests(ClusterFixture fixture)
{
    private const string Qualification = "CRM-PRK4";

    [Fact]
    public async Task Only_a_panel_member_pins_a_short_non_empty_note_to_an_action_the_simulation_logged()
    {
        var (session, candidate) = await SessionAsync();
        var (anna, piotr, outsider) = (await PersonAsync(), await PersonAsync(), await PersonAsync());
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));

        // Before the candidate has done anything there is nothing to pin a note to.
        Assert.Equal(ObservationRules.UnknownAction, (await grain.NoteObservationAsync(1, "Za wcześnie.", anna, "anna")).Errors[0].Code);

        var simulation = fixture.Grains.Simulation(session, candidate);
        Assert.NotNull((await simulation.OpenAsync("candidate")).Workspace);
        Assert.True((await simulation.ExecuteAsync("a-1", new CreateAccount(NewAccount("Hurtownia Obserwowana sp. z o.o.", null)), "candidate")).Action!.Accepted);
        Assert.False((await simulation.ExecuteAsync("a-2", new CreateAccount(NewAccount("Hurtownia z błędnym NIP", "1234567890")), "candidate")).Action!.Accepted);

        Assert.Equal(AssessmentGrain.NotOnPanel, (await grain.NoteObservationAsync(1, "Obcy patrzy.", outsider, "outsider")).Errors[0].Code);
        Assert.Equal(ObservationRules.TextRequired, (await grain.NoteObservationAsync(1, "  \n ", anna, "anna")).Errors[0].Code);
        Assert.Equal(ObservationRules.TooLong, (await grain.NoteObservationAsync(1, new string('x', ObservationRules.MaxLength + 1), anna, "anna")).Errors[0].Code);
        foreach (var missing in new[] { 0, -1, 3, 99 })
        {
            var refused = await grain.NoteObservationAsync(missing, "Do działania, którego nie ma.", anna, "anna");
            Assert.Equal(("ActionSequence", ObservationRules.UnknownAction), (refused.Errors[0].Field, refused.Errors[0].Code));
        }

        Assert.Empty(await grain.GetObservationsAsync());
        var stream = AssessmentKey.Stream(session, candidate);
        Assert.Equal("panel", await fixture.Database.ScalarAsync<string>($"SELECT string_agg(kind, ',' ORDER BY seq) FROM audit_event WHERE stream = '{stream}'"));

        // A refused action can be noted too: the panel may want to say what the candidate tried.
        Assert.True((await grain.NoteObservationAsync(2, "  Wpisała NIP z pamięci, system go odrzucił.  ", piotr, "piotr-account")).Succeeded);
        Assert.True((await grain.NoteObservationAsync(1, new string('y', ObservationRules.MaxLength), anna, "anna-account")).Succeeded);

        var notes = await grain.GetObservationsAsync();
        Assert.Equal([(2, piotr, "Wpisała NIP z pamięci, system go odrzucił."), (1, anna, new string('y', ObservationRules.MaxLength))],
            notes.Select(n => (n.ActionSequence, n.By, n.Text)));
        Assert.True(notes[0].At <= notes[1].At);

        // The notes are the validation's audit trail: who pinned what to which action, kept for the decision and an appeal.
        Assert.Equal("observation|piotr-account|2", await fixture.Database.ScalarAsync<string>(
            $"SELECT kind || '|' || actor || '|' || (data->>'actionSequence') FROM audit_event WHERE stream = '{stream}' AND seq = 2"));
        Assert.Equal(2, (await new Infrastructure.AuditLog<AssessmentEvent>(fixture.Database.DataSource).ReadAsync(stream)).OfType<ObservationNoted>().Count());
    }

    [Fact]
    public async Task No_note_is_added_after_the_panel_signed_the_decision()
    {
        var (session, candidate) = await SessionAsync();
        var (anna, piotr) = (await PersonAsync(), await PersonAsync());
        var simulation = fixture.Grains.Simulation(session, candidate);
        await simulation.OpenAsync("candidate");
        await simulation.ExecuteAsync("a-1", new CreateAccount(NewAccount("Hurtownia Przed Decyzją", null)), "candidate");
        var grain = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await grain.AppointPanelAsync([anna, piotr], "office"));
        Assert.True((await grain.NoteObservationAsync(1, "Konto założone sprawnie.", anna, "anna")).Succeeded);
        await GradeAllAndSignAsync(grain, [anna, piotr]);

        var late = await grain.NoteObservationAsync(1, "Dopisane po decyzji.", piotr, "piotr");

        Assert.Equal(ObservationRules.DecisionFinal, late.Errors[0].Code);
        Assert.Equal(["Konto założone sprawnie."], (await grain.GetObservationsAsync()).Select(n => n.Text));
    }

    private static AccountData NewAccount(string name, string? nip) =>
        new(name, AccountKind.Company, "handel", nip, null, null, "Poznań", null, null, null, null, 12, AccountStatus.Prospect);

    /// <summary>Every criterion of both parts met by both members; the theory was failed, so the signed decision is negative and justified.</summary>
    private async Task GradeAllAndSignAsync(IAssessmentGrain grain, Guid[] panel)
    {
        var qualification = (await fixture.Grains.GetGrain<Qualifications.IQualificationGrain>(Qualification).GetAsync())!;
        foreach (var part in new[] { AssessmentPart.Practical, AssessmentPart.Interview })
        {
            var grades = AssessmentCriteria.Of(qualification, part).Select(c => new CriterionGrade(c.Id, true, null)).ToList();
            foreach (var assessor in panel)
            {
                Assert.True((await grain.SaveGradesAsync(part, assessor, grades, true, "a")).Succeeded);
            }
        }

        Assert.True((await grain.DraftDecisionAsync(DecisionOutcome.Negative,
            new Dictionary<string, string> { [DecisionRules.TheoryPart] = "Test teoretyczny poniżej progu." }, panel[0], "a")).Succeeded);
        foreach (var assessor in panel)
        {
            Assert.True((await grain.SignDecisionAsync(assessor, "a")).Succeeded);
        }
    }

    private async Task<Guid> PersonAsync()
    {
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(person).CreateAsync(Samples.Person(null))).Succeeded);
        return person;
    }

    /// <summary>An open session with the candidate on its roster, their theory test submitted with no answers (failed).</summary>
    private async Task<(Guid Session, Guid Candidate)> SessionAsync()
    {
        var candidate = await PersonAsync();
        var session = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(new SessionDetails(Qualification, "Walidacja z obserwacją", DateTimeOffset.UtcNow, "Sala 2", Guid.NewGuid(), false));
        Assert.True((await grain.SetRosterAsync(scheduled.Version, [candidate])).Succeeded);
        Assert.True((await grain.OpenAsync("admin")).Succeeded);
        var test = fixture.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, candidate));
        await test.OpenAsync("c", "candidate");
        await test.SubmitAsync("c", "candidate");
        return (session, candidate);
    }
}
