using System.Text.Json;
using Certification.Assessment;
using Certification.Common;
using Certification.Crm;
using Certification.Exams;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Accounts;
using Certification.Qualifications;
using Certification.Simulation;
using Dapper;
using Npgsql;

namespace Certification.Portal.DemoData;

/// <summary>
/// The demo of the practical exam's panel: a closed validation session of four candidates whose theory tests are done,
/// two more assessor logins and a reviewer, and validations at every stage — one to finish grading, one with a signed
/// negative decision the demo candidate can appeal, one appealed and waiting for its reviewer's outcome, and one who
/// attended the demo assessor's training, so putting him on that panel is refused. The appealed candidate worked a little in
/// the simulated CRM, for the reviewer's replay, and a later sitting is scheduled for a new validation.
/// </summary>
public sealed class AssessmentDemo(IGrainFactory grains, AccountAdministration accounts, UserStore users, PanelConflicts conflicts, NpgsqlDataSource dataSource)
{
    public const string SecondAssessor = "asesor2@demo.pl";
    public const string Reviewer = "recenzent@demo.pl";
    public static readonly Guid Session = new("0b7e5f2a-3c4d-4e6f-8a9b-2d3e4f5a6b7c");
    public static readonly Guid UpcomingSession = new("5c2a9e41-7d3b-4f0e-9a6c-8b1d2e3f4a5b");
    private const string Demo = "demo";

    public async Task SeedAsync()
    {
        var office = await AccountAsync("szkolenia@demo.pl");
        var piotr = await AccountAsync("asesor@demo.pl");
        var candidate = await AccountAsync("kandydat@demo.pl");
        var maria = await StaffAsync(SecondAssessor, "Maria", "Komisyjna", "Asesor walidacji");
        var renata = await StaffAsync(Reviewer, "Renata", "Recenzentka", "Recenzentka odwołań");
        var (trained, others) = await CandidatesAsync(piotr.PersonId!.Value);
        var (appealing, grading) = (others[0], others[1]);

        var criteria = await CriteriaAsync();
        var operatorId = (await AccountAsync("operator@demo.pl")).Id;
        await SessionAsync(
            operatorId,
            [(candidate.PersonId!.Value, 0.9), (appealing, 0.4), (grading, 0.85), (trained, 0.9)],
            whileOpen: () => SimulationAsync(appealing));
        await UpcomingSessionAsync(operatorId);

        // The demo candidate: graded by both, one disagreement resolved, a negative decision signed — theirs to appeal.
        var jan = grains.Assessment(Session, candidate.PersonId!.Value);
        Check((await jan.AppointPanelAsync([piotr.PersonId!.Value, maria.PersonId!.Value], office.Id.ToString())).Count == 0, "panel");
        await GradeAsync(jan, piotr, criteria[AssessmentPart.Practical], new()
        {
            ["2.4.4"] = "Oferta wygenerowana, ale jej wysłanie nie zostało zarejestrowane w historii klienta.",
        });
        await GradeAsync(jan, maria, criteria[AssessmentPart.Practical], new()
        {
            ["1.2.4"] = "Segment „Gminy powiatu poznańskiego” pomija gminy miejsko-wiejskie.",
            ["2.4.4"] = "Brak wpisu o wysłaniu oferty w historii Gminy Kórnik.",
        });
        Check(await jan.ResolveAsync(AssessmentPart.Practical, "1.2.4", true,
            "Cel sprzedaży dotyczył gmin wiejskich; segment go spełnia.", piotr.PersonId!.Value, piotr.Id.ToString()), "resolution");
        await GradeAsync(jan, piotr, criteria[AssessmentPart.Interview], []);
        await GradeAsync(jan, maria, criteria[AssessmentPart.Interview], []);
        await DecideAsync(jan, DecisionOutcome.Negative,
            new() { ["2.4.4"] = "Kandydat wygenerował ofertę, ale nie zarejestrował jej wysłania w historii zdarzeń klienta, czego wymaga kryterium 2.4.4." },
            piotr, maria);

        // An appeal against a negative theory result, assigned to the demo reviewer.
        var beata = grains.Assessment(Session, appealing);
        Check((await beata.AppointPanelAsync([piotr.PersonId!.Value, maria.PersonId!.Value], office.Id.ToString())).Count == 0, "panel");
        foreach (var part in criteria)
        {
            await GradeAsync(beata, piotr, part.Value, []);
            await GradeAsync(beata, maria, part.Value, []);
        }

        await DecideAsync(beata, DecisionOutcome.Negative,
            new() { [DecisionRules.TheoryPart] = "Wynik testu teoretycznego 40 % — poniżej progu zaliczenia 70 %." }, piotr, maria);
        Check(await beata.FileAppealAsync(appealing,
            "W trakcie testu dwukrotnie zerwało mi połączenie z internetem; część odpowiedzi mogła się nie zapisać. Proszę o sprawdzenie zapisu testu.", Demo), "appeal");
        Check((await beata.AssignReviewerAsync(renata.PersonId!.Value, office.Id.ToString())).Count == 0, "reviewer");

        // Half-way: Maria has submitted the practical part, Piotr has a draft — for the newcomer to finish as asesor@demo.pl.
        var open = grains.Assessment(Session, grading);
        Check((await open.AppointPanelAsync([piotr.PersonId!.Value, maria.PersonId!.Value], office.Id.ToString())).Count == 0, "panel");
        await GradeAsync(open, maria, criteria[AssessmentPart.Practical], new()
        {
            ["2.3.5"] = "Wykres kołowy do porównania wartości szans w kolejnych miesiącach: forma nie pasuje do celu.",
        });
        Check(await open.SaveGradesAsync(AssessmentPart.Practical, piotr.PersonId!.Value,
            [.. criteria[AssessmentPart.Practical].Take(5).Select(c => new CriterionGrade(c, true, null))], false, piotr.Id.ToString()), "draft");
        Check(await conflicts.DeclareAsync(renata.PersonId!.Value, grading, "Kandydatka jest moją sąsiadką.", renata.Id.ToString()) is null, "conflict");
    }

    /// <summary>
    /// The demo candidate's panel in the sitting the operator opens, so that the practical exam runs end to end with the
    /// demo logins: the candidate works in the simulated CRM while both assessors watch it live and then grade.
    /// </summary>
    public async Task SeedPracticalPanelAsync(Guid session)
    {
        var office = await AccountAsync("szkolenia@demo.pl");
        var candidate = await AccountAsync("kandydat@demo.pl");
        var panel = new[] { await AccountAsync("asesor@demo.pl"), await AccountAsync(SecondAssessor) };
        var objections = await grains.Assessment(session, candidate.PersonId!.Value)
            .AppointPanelAsync([.. panel.Select(a => a.PersonId!.Value)], office.Id.ToString());
        Check(objections.Count == 0, $"practical panel: {string.Join(", ", objections.Select(o => o.Code))}");
    }

    /// <summary>A person who attended a training the demo assessor led, and two who did not.</summary>
    private async Task<(Guid Trained, List<Guid> Others)> CandidatesAsync(Guid trainer)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var trained = await connection.QueryFirstAsync<Guid>(
            """
            SELECT e.person_id FROM training_enrolment_projection e JOIN training_order_projection o ON o.id = e.order_id
            WHERE o.trainer_id = @trainer AND e.status = 1 AND e.attendance_percent > 0
            ORDER BY e.person_id LIMIT 1
            """,
            new { trainer });
        var others = (await connection.QueryAsync<Guid>(
            """
            SELECT p.id FROM person_projection p
            WHERE p.client_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM training_enrolment_projection e WHERE e.person_id = p.id)
            ORDER BY p.last_name, p.first_name, p.id LIMIT 2
            """)).ToList();
        return (trained, others);
    }

    /// <summary>
    /// A closed sitting whose theory tests are done; each candidate answers the given share of questions right.
    /// <paramref name="whileOpen"/> runs before the sitting closes.
    /// </summary>
    private async Task SessionAsync(Guid operatorId, IReadOnlyList<(Guid Person, double Right)> candidates, Func<Task> whileOpen)
    {
        var session = grains.GetGrain<IExamSessionGrain>(Session);
        var scheduled = await session.ScheduleAsync(new SessionDetails(
            "CRM-PRK4", "Walidacja pokazowa — część praktyczna i rozmowa", DateTimeOffset.UtcNow.Date.AddDays(-1).AddHours(8), "Sala 204", operatorId, ShowResultAtOnce: false));
        Check(scheduled, "session");
        Check(await session.SetRosterAsync(scheduled.Version, [.. candidates.Select(c => c.Person)]), "roster");
        Check(await session.OpenAsync(Demo), "opening");
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var (person, right) in candidates)
        {
            var attempt = TheoryTestKey.For(Session, person);
            var test = grains.GetGrain<ITheoryTestGrain>(attempt);
            await test.OpenAsync(Demo, Demo);
            var drawn = await connection.QuerySingleAsync<string>("SELECT data::text FROM attempt_event WHERE attempt = @attempt AND kind = 'drawn'", new { attempt });
            var questions = JsonDocument.Parse(drawn).RootElement.GetProperty("questions").EnumerateArray().ToList();
            var seq = 0;
            foreach (var (question, index) in questions.Select((q, i) => (q, i)))
            {
                var options = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
                var correct = question.GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetString()!).ToList();
                IReadOnlyList<string> answer = index < Math.Round(right * questions.Count) ? correct : [options.First(o => !correct.Contains(o))];
                await test.SaveAnswerAsync(Demo, Demo, new AnswerChange(++seq, question.GetProperty("number").GetInt32(), answer, false));
            }

            await test.SubmitAsync(Demo, Demo);
        }

        await whileOpen();
        Check(await session.CloseAsync(Demo), "closing");
    }

    /// <summary>
    /// The appealing candidate's few actions in the simulated CRM, for the reviewer's replay: a new customer account and
    /// its contact person, and the same account again, which the CRM refuses.
    /// </summary>
    private async Task SimulationAsync(Guid person)
    {
        var simulation = grains.Simulation(Session, person);
        Check((await simulation.OpenAsync(Demo)).Workspace is not null, "simulation");
        var spec = ExamSimulator.Simulation.Start((await simulation.GetAsync())!.Seed).Scenario.Exercise.NewAccounts[0];
        var account = await simulation.ExecuteAsync("demo-1", new CreateAccount(spec.Data), Demo);
        Check(account.Action is { Accepted: true, CreatedId: not null }, "simulated account");
        Check((await simulation.ExecuteAsync("demo-2", new CreateContact(account.Action!.CreatedId!, spec.Contact), Demo)).Action is { Accepted: true }, "simulated contact");
        Check((await simulation.ExecuteAsync("demo-3", new CreateAccount(spec.Data), Demo)).Action is { Accepted: false }, "simulated refusal");
    }

    /// <summary>A sitting of the same qualification three weeks ahead, where an appeal's reviewer can send a candidate for a new validation.</summary>
    private async Task UpcomingSessionAsync(Guid operatorId) =>
        Check(await grains.GetGrain<IExamSessionGrain>(UpcomingSession).ScheduleAsync(new SessionDetails(
            "CRM-PRK4", "Walidacja — termin dodatkowy", DateTimeOffset.UtcNow.Date.AddDays(21).AddHours(8), "Sala 204", operatorId, ShowResultAtOnce: false)),
            "upcoming session");

    /// <summary>An assessor submits a part: every criterion met except those with a comment.</summary>
    private static async Task GradeAsync(IAssessmentGrain grain, UserAccount assessor, IReadOnlyList<string> criteria, Dictionary<string, string> unmet)
    {
        var grades = criteria.Select(c => new CriterionGrade(c, !unmet.ContainsKey(c), unmet.GetValueOrDefault(c))).ToList();
        var part = criteria.Contains("1.2.2") ? AssessmentPart.Practical : AssessmentPart.Interview;
        Check(await grain.SaveGradesAsync(part, assessor.PersonId!.Value, grades, true, assessor.Id.ToString()), "grades");
    }

    private static async Task DecideAsync(IAssessmentGrain grain, DecisionOutcome outcome, Dictionary<string, string> justifications, params UserAccount[] panel)
    {
        Check(await grain.DraftDecisionAsync(outcome, justifications, panel[0].PersonId!.Value, panel[0].Id.ToString()), "decision");
        foreach (var member in panel)
        {
            Check(await grain.SignDecisionAsync(member.PersonId!.Value, member.Id.ToString()), "signature");
        }
    }

    private async Task<Dictionary<AssessmentPart, IReadOnlyList<string>>> CriteriaAsync()
    {
        var qualification = (await grains.GetGrain<IQualificationGrain>("CRM-PRK4").GetAsync())!;
        return new[] { AssessmentPart.Practical, AssessmentPart.Interview }.ToDictionary(
            part => part, part => (IReadOnlyList<string>)[.. AssessmentCriteria.Of(qualification, part).Select(c => c.Id)]);
    }

    /// <summary>A CRM person with an Assessor account linked to them.</summary>
    private async Task<UserAccount> StaffAsync(string email, string firstName, string lastName, string position)
    {
        var person = Guid.NewGuid();
        Check(await grains.GetGrain<IPersonGrain>(person).CreateAsync(
            new PersonDetails(firstName, lastName, email, null, null, null, null, position)), email);
        var (_, errors) = await accounts.CreateAsync(new AccountDetails(email, $"{firstName} {lastName}", [Roles.Assessor], null, false, person), DemoSeeder.Password);
        Check(errors.Count == 0, email);
        return await AccountAsync(email);
    }

    private async Task<UserAccount> AccountAsync(string email) =>
        await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing");

    private static void Check(CommandResult result, string what) =>
        Check(result.Succeeded, $"{what}: {string.Join(", ", result.Errors)}");

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Demo {what} was rejected");
        }
    }
}
