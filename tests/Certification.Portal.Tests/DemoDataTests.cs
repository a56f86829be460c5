using System.Net;
using Certification.Assessment;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.DemoData;
using Certification.Simulation;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>Demo data needs an empty database, so each test starts a portal of its own rather than sharing one.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task Seeding_an_empty_installation_creates_clients_people_and_one_login_per_role_once()
    {
        await using var host = await PortalHost.StartAsync();
        var seeder = host.Services.GetRequiredService<DemoSeeder>();

        await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(50, await CountAsync(host, "SELECT count(*) FROM client_projection"));
        Assert.Equal(307, await CountAsync(host, "SELECT count(*) FROM person_projection")); // 300 employees of clients, the demo candidate, the trainer, three with long histories, two more assessors
        Assert.Equal(DemoSeeder.Logins.Count + 2, await CountAsync(host, "SELECT count(*) FROM user_account")); // and the second assessor and the reviewer
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), DemoSeeder.Logins.Select(l => l.Role).Order(StringComparer.Ordinal));
        foreach (var role in Roles.All)
        {
            Assert.Equal(role == Roles.Assessor ? 3 : 1, await CountAsync(host, $"SELECT count(*) FROM user_account WHERE '{role}' = ANY (roles)"));
        }

        foreach (var (email, name, role) in DemoSeeder.Logins)
        {
            Assert.Equal(
                $"{name}|{role}",
                await host.Database.ScalarAsync<string>($"SELECT display_name || '|' || array_to_string(roles, ',') FROM user_account WHERE email = '{email}'"));
            var client = await host.SignedInAsync(email, DemoSeeder.Password);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        var partner = DemoSeeder.Logins.Single(l => l.Role == Roles.PartnerAdmin).Email;
        Assert.Equal(1, await CountAsync(host, $"SELECT count(*) FROM user_account u JOIN client_projection c ON c.id = u.client_id WHERE u.email = '{partner}'"));
        Assert.Equal(0, await CountAsync(host, "SELECT count(*) FROM user_account WHERE client_id IS NOT NULL AND NOT ('PartnerAdmin' = ANY (roles))"));

        Assert.True(await CountAsync(host, "SELECT count(*) FROM client_projection WHERE name ~ '[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]'") > 0);
        Assert.Equal(0, await CountAsync(host, "SELECT count(*) FROM client_projection WHERE name ILIKE '% and %'"));
        // Everyone works at a seeded client, except the demo candidate, who signs up on their own, the three assessors, and one who left.
        Assert.Equal(5, await CountAsync(host, "SELECT count(*) FROM person_projection p LEFT JOIN client_projection c ON c.id = p.client_id WHERE c.id IS NULL"));
        // The demo candidate sits the scheduled theory test, the panel's demo and the certificates' demo.
        Assert.Equal(3, await CountAsync(
            host, "SELECT count(*) FROM user_account u JOIN exam_roster_projection r ON r.person_id = u.person_id WHERE 'Candidate' = ANY (u.roles)"));
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM exam_session_projection WHERE candidates = 3 AND status = 1"));

        // The training office: orders in every phase, a full one with a waiting list, one delivered with attendance.
        Assert.Equal(7, await CountAsync(host, "SELECT count(*) FROM training_order_projection"));
        Assert.Equal(
            "announced,delivered,draft,enrolment,enrolment,enrolment,settled",
            await host.Database.ScalarAsync<string>("SELECT string_agg(phase, ',' ORDER BY phase) FROM training_order_projection"));
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM training_order_projection WHERE enrolled = capacity AND waiting = 2"));
        Assert.Equal("7|8", await host.Database.ScalarAsync<string>(
            "SELECT sum(e.certificate::int) || '|' || count(*) FROM training_enrolment_projection e JOIN training_order_projection o ON o.id = e.order_id WHERE o.phase = 'delivered'"));
        Assert.True(await CountAsync(host, $"SELECT count(*) FROM training_enrolment_projection e JOIN user_account u ON u.client_id = e.client_id WHERE u.email = '{partner}'") >= 2);
        Assert.Equal(6, await CountAsync(host, "SELECT count(*) FROM user_account u JOIN training_order_projection o ON o.trainer_id = u.person_id WHERE u.email = 'asesor@demo.pl'"));

        Assert.Equal(200, await CountAsync(host, "SELECT count(*) FROM person_consent WHERE marketing AND NOT unsubscribed"));

        // Histories: a promotion (three records at one client), a move between clients, a departure, and the office's notes.
        Assert.Equal("3|2|1", await host.Database.ScalarAsync<string>(
            """
            SELECT string_agg(n::text, '|' ORDER BY p.email) FROM (
                SELECT person_id, count(*) AS n FROM employment_projection GROUP BY person_id) e
            JOIN person_projection p ON p.id = e.person_id
            WHERE p.email IN ('agnieszka.awansowa@example.pl', 'beata.przeniesiona@example.pl', 'celina.odchodzaca@example.pl')
            """));
        Assert.Equal(4, await CountAsync(host, "SELECT count(*) FROM contact_note WHERE author = 'Tomasz Szkoleniowy'"));

        // The demo account manager looks after the partner's organisation and three more clients, and sees just those.
        var caretaker = DemoSeeder.Logins.Single(l => l.Role == Roles.AccountManager).Email;
        Assert.Equal(4, await CountAsync(host, $"SELECT count(*) FROM client_caretaker k JOIN user_account u ON u.id = k.account_id WHERE u.email = '{caretaker}'"));
        Assert.Equal(1, await CountAsync(
            host, $"SELECT count(*) FROM client_caretaker k JOIN user_account u ON u.id = k.account_id JOIN user_account p ON p.client_id = k.client_id WHERE u.email = '{caretaker}' AND p.email = '{partner}'"));
        Assert.Contains("Znaleziono: 4", await (await host.SignedInAsync(caretaker, DemoSeeder.Password)).GetStringAsync("/Crm/Clients"), StringComparison.Ordinal);

        // The panel: the demo candidate's signed negative decision to appeal, an appeal with its reviewer, a validation half graded.
        Assert.Equal("3|2|1", await host.Database.ScalarAsync<string>(
            $"SELECT count(*) || '|' || count(decided_at) || '|' || count(reviewer_id) FROM assessment_projection WHERE session_id = '{AssessmentDemo.Session}'"));
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM assessment_projection a JOIN user_account u ON u.person_id = a.person_id WHERE u.email = 'kandydat@demo.pl' AND a.decision = 2 AND a.appeal_status IS NULL"));
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM assessment_projection WHERE appeal_status = 0 AND reviewer_id IS NOT NULL"));
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM assessor_conflict"));

        // The appealed candidate's simulation to replay (two actions accepted, one refused) and a sitting for a new validation.
        var appealed = await host.Database.ScalarAsync<Guid>("SELECT person_id FROM assessment_projection WHERE appeal_status = 0 AND reviewer_id IS NOT NULL");
        var simulation = (await host.Grains.Simulation(AssessmentDemo.Session, appealed).ExportAsync())!;
        Assert.Equal([true, true, false], simulation.Entries.Select(e => e.Outcome.Accepted));
        Assert.Equal(SessionStatus.Scheduled, (await host.Grains.GetGrain<IExamSessionGrain>(AssessmentDemo.UpcomingSession).GetAsync())!.Status);
        var demoAssessor = (await host.Services.GetRequiredService<UserStore>().FindByEmailAsync("asesor@demo.pl"))!.PersonId!.Value;
        var second = (await host.Services.GetRequiredService<UserStore>().FindByEmailAsync(AssessmentDemo.SecondAssessor))!.PersonId!.Value;
        var trained = await host.Database.ScalarAsync<Guid>(
            $"SELECT r.person_id FROM exam_roster_projection r WHERE r.session_id = '{AssessmentDemo.Session}' AND NOT EXISTS (SELECT 1 FROM assessment_projection a WHERE a.session_id = r.session_id AND a.person_id = r.person_id)");
        var refused = Assert.Single(await host.Grains.Assessment(AssessmentDemo.Session, trained).AppointPanelAsync([demoAssessor, second], "test"));
        Assert.Equal((PanelRules.TrainedCandidate, demoAssessor), (refused.Code, refused.AssessorId));
        foreach (var email in new[] { "asesor@demo.pl", AssessmentDemo.SecondAssessor, AssessmentDemo.Reviewer })
        {
            var assessor = await host.SignedInAsync(email, DemoSeeder.Password);
            Assert.Contains("Walidacja pokazowa", await assessor.GetStringAsync(email == AssessmentDemo.Reviewer ? "/Review" : "/Assessor"), StringComparison.Ordinal);
        }

        // The sitting the operator opens: the demo candidate's panel is both demo assessors, so the practical exam runs end to end.
        var candidate = (await host.Services.GetRequiredService<UserStore>().FindByEmailAsync("kandydat@demo.pl"))!.PersonId!.Value;
        Assert.Equal([demoAssessor, second], (await host.Grains.Assessment(DemoSeeder.DemoSession, candidate).GetAsync()).Panel);
        Assert.Contains("Sesja pokazowa", await (await host.SignedInAsync(AssessmentDemo.SecondAssessor, DemoSeeder.Password)).GetStringAsync("/Assessor"), StringComparison.Ordinal);

        // Certificates, issued by the panels' last signatures: the demo candidate's to download, and a revoked one;
        // and the candidate's older one, close to expiry.
        Assert.Equal(2, await CountAsync(host,
            "SELECT count(*) FROM certificate c JOIN user_account u ON u.person_id = c.person_id WHERE u.email = 'kandydat@demo.pl' AND c.revoked_at IS NULL"));
        Assert.Equal(1, await CountAsync(host, $"SELECT count(*) FROM certificate WHERE session_id = '{CertificateDemo.Session}' AND revoked_at IS NOT NULL"));
        var own = await (await host.SignedInAsync("kandydat@demo.pl", DemoSeeder.Password)).GetStringAsync("/Certificates");
        Assert.Contains("Pobierz PDF", own, StringComparison.Ordinal);
        var ownNumber = await host.Database.ScalarAsync<string>($"SELECT number FROM certificate WHERE session_id = '{CertificateDemo.Session}' AND revoked_at IS NULL");
        var badge = await (await host.SignedInAsync("kandydat@demo.pl", DemoSeeder.Password)).GetAsync($"/Certificates/{ownNumber!.Replace('/', '-')}/badge");
        Assert.Equal(System.Net.HttpStatusCode.OK, badge.StatusCode);
        Assert.Equal("application/jwt", badge.Content.Headers.ContentType!.MediaType);

        // The older certificate's 180-day reminder, booked when it was issued, reaches the dev mailbox at once.
        var expiring = await host.Database.ScalarAsync<string>($"SELECT number FROM certificate WHERE session_id = '{CertificateDemo.EarlierSession}'");
        var reminders = $"SELECT count(*) FROM mail_message WHERE kind = 'certificate.expiry_reminder' AND related_id = '{expiring}' AND to_address = 'kandydat@demo.pl'";
        for (var wait = 0; wait < 60 && await CountAsync(host, reminders) == 0; wait++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, await CountAsync(host, reminders));

        await seeder.SeedAsync(CancellationToken.None);

        Assert.Equal(3, await CountAsync(host, "SELECT count(*) FROM certificate"));
        Assert.Equal(1, await CountAsync(host, reminders));
        Assert.Equal(7, await CountAsync(host, "SELECT count(*) FROM training_order_projection"));

        Assert.Equal(50, await CountAsync(host, "SELECT count(*) FROM client_projection"));
        Assert.Equal(307, await CountAsync(host, "SELECT count(*) FROM person_projection")); // 300 employees of clients, the demo candidate, the trainer, three with long histories, two more assessors
        Assert.Equal(DemoSeeder.Logins.Count + 2, await CountAsync(host, "SELECT count(*) FROM user_account")); // and the second assessor and the reviewer
    }

    [Fact]
    public async Task Every_installation_gets_the_same_demo_clients()
    {
        await using var first = await PortalHost.StartAsync();
        await using var second = await PortalHost.StartAsync();

        await first.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        await second.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

        const string Names = "SELECT string_agg(name, '|' ORDER BY name) FROM client_projection";
        var names = await first.Database.ScalarAsync<string>(Names);
        Assert.False(string.IsNullOrEmpty(names));
        Assert.Equal(names, await second.Database.ScalarAsync<string>(Names));

        const string Nips = "SELECT string_agg(nip, '|' ORDER BY nip) FROM client_projection";
        Assert.Equal(await first.Database.ScalarAsync<string>(Nips), await second.Database.ScalarAsync<string>(Nips));
    }

    private static async Task<long> CountAsync(PortalHost host, string sql) => await host.Database.ScalarAsync<long>(sql);
}
