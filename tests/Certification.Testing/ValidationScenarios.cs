using System.Text.Json;
using Certification.Assessment;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Qualifications;
using Certification.Simulation;

namespace Certification.Testing;

/// <summary>A candidate's simulation under way and the two panel members watching it (CRM people with Assessor accounts).</summary>
public sealed record ObservedSimulation(Guid Session, Guid Candidate, Guid First, string FirstEmail, Guid Second, string SecondEmail);

/// <summary>What the panel's pages are tested on: a sitting whose theory test is done, assessors who are CRM people, graded parts.</summary>
public static class ValidationScenarios
{
    public const string Qualification = "CRM-PRK4";

    public static async Task<Guid> PersonAsync(this PortalHost host, string firstName, string lastName)
    {
        var person = Guid.NewGuid();
        var created = await host.Grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails(firstName, lastName, null, null, null, null, null, null));
        return created.Succeeded ? person : throw new InvalidOperationException(string.Join(", ", created.Errors));
    }

    /// <summary>A CRM person with an account in <paramref name="role"/> linked to them (an assessor by default).</summary>
    public static async Task<(Guid Person, string Email)> StaffPersonAsync(this PortalHost host, string firstName, string lastName, string role = Roles.Assessor)
    {
        var person = await host.PersonAsync(firstName, lastName);
        return (person, await host.CreateUserAsync(role, personId: person));
    }

    /// <summary>
    /// A closed session of the qualification with one candidate on its roster whose theory test is submitted,
    /// every answer right or none given; results wait for the panel. <paramref name="whileOpen"/> runs before the
    /// session would close (the candidate's simulation, say), with the session and the candidate. With
    /// <paramref name="close"/> false the session stays open, so the candidate can still work in the simulation.
    /// </summary>
    public static async Task<(Guid Session, Guid Candidate)> TheoryDoneAsync(
        this PortalHost host, bool passTheory, string firstName = "Kandydat", string lastName = "Testowy", bool close = true,
        Func<Guid, Guid, Task>? whileOpen = null)
    {
        var candidate = await host.PersonAsync(firstName, lastName);
        var session = Guid.NewGuid();
        var grain = host.Grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(new SessionDetails(Qualification, $"Walidacja {lastName}", DateTimeOffset.UtcNow, "Sala 3", Guid.NewGuid(), false));
        Check((await grain.SetRosterAsync(scheduled.Version, [candidate])).Succeeded && (await grain.OpenAsync("office")).Succeeded, "the session");
        var attempt = TheoryTestKey.For(session, candidate);
        var test = host.Grains.GetGrain<ITheoryTestGrain>(attempt);
        await test.OpenAsync("c", "candidate");
        if (passTheory)
        {
            var drawn = await host.Database.ScalarAsync<string>($"SELECT data::text FROM attempt_event WHERE attempt = '{attempt}' AND kind = 'drawn'");
            var seq = 0;
            foreach (var question in JsonDocument.Parse(drawn!).RootElement.GetProperty("questions").EnumerateArray())
            {
                var right = question.GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetString()!).ToList();
                await test.SaveAnswerAsync("c", "candidate", new AnswerChange(++seq, question.GetProperty("number").GetInt32(), right, false));
            }
        }

        await test.SubmitAsync("c", "candidate");
        if (whileOpen is not null)
        {
            await whileOpen(session, candidate);
        }

        if (close)
        {
            Check((await grain.CloseAsync("office")).Succeeded, "closing the session");
        }

        return (session, candidate);
    }

    /// <summary>
    /// A candidate at work in the simulation: the session is open, their theory test is submitted, the simulation has
    /// started, and a panel of two assessors with accounts (Anna Pierwsza, Piotr Drugi) is appointed.
    /// </summary>
    public static async Task<ObservedSimulation> ObservedSimulationAsync(this PortalHost host, string lastName, bool passTheory = true)
    {
        var (session, candidate) = await host.TheoryDoneAsync(passTheory, "Kandydatka", lastName, close: false);
        Check((await host.Grains.Simulation(session, candidate).OpenAsync("candidate")).Workspace is not null, "the simulation");
        var (first, firstEmail) = await host.StaffPersonAsync("Anna", "Pierwsza");
        var (second, secondEmail) = await host.StaffPersonAsync("Piotr", "Drugi");
        Check((await host.Grains.Assessment(session, candidate).AppointPanelAsync([first, second], "office")).Count == 0, "the panel");
        return new ObservedSimulation(session, candidate, first, firstEmail, second, secondEmail);
    }

    public static async Task<IReadOnlyList<Criterion>> CriteriaAsync(this PortalHost host, AssessmentPart part) =>
        AssessmentCriteria.Of((await host.Grains.GetGrain<IQualificationGrain>(Qualification).GetAsync())!, part);

    /// <summary>An assessor grades every criterion of a part as met, except <paramref name="unmet"/>, and submits.</summary>
    public static async Task SubmitAsync(this PortalHost host, Guid session, Guid candidate, Guid assessor, AssessmentPart part, params string[] unmet)
    {
        var grades = (await host.CriteriaAsync(part)).Select(c => new CriterionGrade(c.Id, !unmet.Contains(c.Id), null)).ToList();
        var result = await host.Grains.Assessment(session, candidate).SaveGradesAsync(part, assessor, grades, true, "test");
        Check(result.Succeeded, $"grades of {assessor}: {string.Join(", ", result.Errors)}");
    }

    /// <summary>A panel that has graded both parts alike (every criterion met unless listed) and signed the decision the rules give.</summary>
    public static async Task SignedDecisionAsync(this PortalHost host, Guid session, Guid candidate, Guid[] panel, params string[] unmet)
    {
        var grain = host.Grains.Assessment(session, candidate);
        Check((await grain.AppointPanelAsync(panel, "office")).Count == 0, "the panel");
        foreach (var assessor in panel)
        {
            await host.SubmitAsync(session, candidate, assessor, AssessmentPart.Practical, unmet);
            await host.SubmitAsync(session, candidate, assessor, AssessmentPart.Interview, unmet);
        }

        var basis = await grain.GetBasisAsync();
        var failed = new List<string>();
        if (basis.TheoryPassed == false)
        {
            failed.Add(DecisionRules.TheoryPart);
        }

        failed.AddRange(unmet);
        var outcome = failed.Count == 0 ? DecisionOutcome.Positive : DecisionOutcome.Negative;
        Check((await grain.DraftDecisionAsync(outcome, failed.ToDictionary(p => p, p => $"Uzasadnienie części {p}."), panel[0], "test")).Succeeded, "the decision");
        foreach (var assessor in panel)
        {
            Check((await grain.SignDecisionAsync(assessor, "test")).Succeeded, "a signature");
        }
    }

    /// <summary>
    /// A validation signed before certificates were issued with the decision (or whose certificate failed to issue): its
    /// audit trail and list row as the assessment grain writes them, and no certificate — work for the bulk issue.
    /// </summary>
    public static async Task DecidedWithoutCertificateAsync(this TestDatabase database, Guid session, Guid candidate, DecisionOutcome outcome, DateTimeOffset at)
    {
        var log = new Certification.Infrastructure.AuditLog<AssessmentEvent>(database.DataSource);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var basis = new DecisionBasis(true, 100, 70, new Dictionary<string, bool>(), new Dictionary<string, bool>());
        AssessmentEvent[] events =
        [
            new PanelAppointed(session, candidate, [first, second]) { Actor = "office", At = at },
            new DecisionDrafted(outcome, new Dictionary<string, string>(), basis, first) { Actor = "first", At = at },
            new DecisionSigned(first) { Actor = "first", At = at },
            new DecisionSigned(second) { Actor = "second", At = at },
        ];
        for (var i = 0; i < events.Length; i++)
        {
            Check(await log.AppendAsync(AssessmentKey.Stream(session, candidate), i + 1, events[i]), "an earlier decision");
        }

        await database.ExecuteAsync(
            $"""
            INSERT INTO assessment_projection (session_id, person_id, version, panel, decision, decided_at, updated_at)
            VALUES ('{session}', '{candidate}', {events.Length}, ARRAY['{first}', '{second}']::uuid[], {(int)outcome}, '{at.UtcDateTime:O}', now())
            """);
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Setting up {what} failed");
        }
    }
}
