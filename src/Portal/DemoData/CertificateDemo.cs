using System.Text.Json;
using Certification.Assessment;
using Certification.Certificates;
using Certification.Common;
using Certification.Domain;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Qualifications;
using Dapper;
using Npgsql;

namespace Certification.Portal.DemoData;

/// <summary>
/// The demo of certificates: a closed session where the panel decided positively for the demo candidate and for one
/// more person, so both got certificates the way every candidate does (the last signature issues it); the other's
/// certificate was then revoked by the demo system administrator. The demo candidate downloads theirs; the verification
/// page shows one valid and one revoked. A second, older certificate of the demo candidate (<see cref="SeedExpiringAsync"/>)
/// is close to its expiry: its 180-day reminder is in the dev mailbox.
/// </summary>
public sealed class CertificateDemo(
    IGrainFactory grains, UserStore users, NpgsqlDataSource dataSource, CertificateNumbers numbers, Institution institution, TimeProvider clock)
{
    public static readonly Guid Session = new("0b7e5f2a-3c4d-4e6f-8a9b-3e4f5a6b7c8d");

    /// <summary>The sitting of the older certificate: from before the platform, so no session of it is here.</summary>
    public static readonly Guid EarlierSession = new("6d1c0a9e-2f3b-4c5d-9e8f-7a6b5c4d3e2f");

    /// <summary>How many days the older certificate has left on the day of seeding: past its 180-day reminder, before the 90-day one.</summary>
    public const int ExpiringDaysLeft = 170;
    public const string RevocationReason = "Certyfikat wydany omyłkowo: nie wniesiono opłaty za certyfikację (decyzja zarządu z dnia wydania).";
    private const string Demo = "demo";

    public async Task SeedAsync()
    {
        var office = await AccountAsync("szkolenia@demo.pl");
        var admin = await AccountAsync("admin@demo.pl");
        var candidate = (await AccountAsync("kandydat@demo.pl")).PersonId!.Value;
        var panel = new[] { await AccountAsync("asesor@demo.pl"), await AccountAsync(AssessmentDemo.SecondAssessor) };
        var other = await OtherPersonAsync();
        await SessionAsync((await AccountAsync("operator@demo.pl")).Id, [candidate, other]);

        var qualification = (await grains.GetGrain<IQualificationGrain>("CRM-PRK4").GetAsync())!;
        foreach (var person in new[] { candidate, other })
        {
            var validation = grains.Assessment(Session, person);
            Check((await validation.AppointPanelAsync([.. panel.Select(p => p.PersonId!.Value)], office.Id.ToString())).Count == 0, "panel");
            foreach (var part in new[] { AssessmentPart.Practical, AssessmentPart.Interview })
            {
                var grades = AssessmentCriteria.Of(qualification, part).Select(c => new CriterionGrade(c.Id, true, null)).ToList();
                foreach (var assessor in panel)
                {
                    Check(await validation.SaveGradesAsync(part, assessor.PersonId!.Value, grades, true, assessor.Id.ToString()), "grades");
                }
            }

            Check(await validation.DraftDecisionAsync(DecisionOutcome.Positive, new Dictionary<string, string>(), panel[0].PersonId!.Value, panel[0].Id.ToString()), "decision");
            foreach (var assessor in panel)
            {
                // The last signature makes the decision final, and a final positive decision issues the certificate.
                Check(await validation.SignDecisionAsync(assessor.PersonId!.Value, assessor.Id.ToString()), "signature");
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var revoked = await connection.QuerySingleAsync<string>(
            "SELECT number FROM certificate WHERE session_id = @Session AND person_id = @other", new { Session, other });
        Check(await grains.GetGrain<ICertificateGrain>(revoked).RevokeAsync(RevocationReason, admin.Id.ToString()), "revocation");
    }

    /// <summary>
    /// The demo candidate's certificate of a validation four and a half years ago, issued as every certificate is (a
    /// number of its year, the qualification's facts), so its grain books the expiry reminder that is due at once.
    /// </summary>
    public async Task SeedExpiringAsync()
    {
        var candidate = (await AccountAsync("kandydat@demo.pl")).PersonId!.Value;
        var person = (await grains.GetGrain<Certification.Crm.IPersonGrain>(candidate).GetAsync())!.Details;
        var qualification = (await grains.GetGrain<IQualificationGrain>("CRM-PRK4").GetAsync())!;
        var issuedOn = PolishDate.Of(clock.GetUtcNow()).AddDays(ExpiringDaysLeft).AddYears(-qualification.ValidityYears);
        var reserved = await numbers.ReserveAsync(EarlierSession, candidate, CertificateNumber.PrefixOf(qualification.Code), issuedOn);
        var certificate = grains.GetGrain<ICertificateGrain>(reserved.Number.ToString());
        Check(await certificate.IssueAsync(
            new CertificateIssue(
                EarlierSession, candidate, $"{person.FirstName} {person.LastName}", person.Pesel is { } pesel ? Pesel.BirthDate(pesel) : null,
                qualification.Code, qualification.Name, qualification.PrkLevel,
                [.. qualification.Sets.Select(set => new CertifiedOutcomeSet(
                    set.Id, set.Name, set.PrkLevel, [.. set.Outcomes.Select(outcome => new CertifiedOutcome(outcome.Id, outcome.Name))]))],
                reserved.IssuedOn, qualification.ValidityYears, institution.Name, reserved.IssuedOn),
            Demo), "earlier certificate");

        // The reminder the issue booked is due at once; the demo ticks it itself rather than wait for the reminder
        // service's first round, so the mail is in the dev mailbox when the portal opens. A tick sends a reminder once.
        await certificate.AsReference<IRemindable>().ReceiveReminder("expiry-reminders", default);
    }

    /// <summary>Someone from a client organisation with no training and no validation so far.</summary>
    private async Task<Guid> OtherPersonAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QueryFirstAsync<Guid>(
            """
            SELECT p.id FROM person_projection p
            WHERE p.client_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM training_enrolment_projection e WHERE e.person_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM assessment_projection a WHERE a.person_id = p.id)
            ORDER BY p.last_name, p.first_name, p.id LIMIT 1
            """);
    }

    /// <summary>A closed sitting whose candidates answered every theory question right.</summary>
    private async Task SessionAsync(Guid operatorId, IReadOnlyList<Guid> candidates)
    {
        var session = grains.GetGrain<IExamSessionGrain>(Session);
        var scheduled = await session.ScheduleAsync(new SessionDetails(
            "CRM-PRK4", "Walidacja pokazowa — certyfikaty", DateTimeOffset.UtcNow.Date.AddDays(-7).AddHours(8), "Sala 204", operatorId, ShowResultAtOnce: false));
        Check(scheduled, "session");
        Check(await session.SetRosterAsync(scheduled.Version, candidates), "roster");
        Check(await session.OpenAsync(Demo), "opening");
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var person in candidates)
        {
            var attempt = TheoryTestKey.For(Session, person);
            var test = grains.GetGrain<ITheoryTestGrain>(attempt);
            await test.OpenAsync(Demo, Demo);
            var drawn = await connection.QuerySingleAsync<string>("SELECT data::text FROM attempt_event WHERE attempt = @attempt AND kind = 'drawn'", new { attempt });
            var seq = 0;
            foreach (var question in JsonDocument.Parse(drawn).RootElement.GetProperty("questions").EnumerateArray())
            {
                var correct = question.GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetString()!).ToList();
                await test.SaveAnswerAsync(Demo, Demo, new AnswerChange(++seq, question.GetProperty("number").GetInt32(), correct, false));
            }

            await test.SubmitAsync(Demo, Demo);
        }

        Check(await session.CloseAsync(Demo), "closing");
    }

    private async Task<UserAccount> AccountAsync(string email) =>
        await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing");

    private static void Check(CommandResult result, string what) => Check(result.Succeeded, $"{what}: {string.Join(", ", result.Errors)}");

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Demo certificate {what} was rejected");
        }
    }
}
