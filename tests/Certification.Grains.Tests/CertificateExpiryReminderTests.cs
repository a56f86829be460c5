using Certification.Certificates;
using Certification.Certificates.Renewal;
using Certification.Common;
using Certification.Crm;
using Certification.Qualifications;

namespace Certification.Grains.Tests;

/// <summary>Expiry reminders of certificates (issue #6) on the real database and silo, with the exam clock moved to their days.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CertificateExpiryReminderTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Each_reminder_goes_once_on_its_day_with_the_certificate_and_the_way_to_renew()
    {
        var holder = await HolderAsync(Samples.Person(null));
        var (number, grain) = await IssuedAsync(holder);
        var validUntil = (await grain.GetAsync())!.ValidUntil;

        await TickAsync(grain);
        Assert.Empty(await MailsAsync(number));

        await WithClockOnAsync(validUntil.AddDays(-180), async () =>
        {
            await TickAsync(grain);
            await TickAsync(grain);
            var mail = Assert.Single(await MailsAsync(number));
            Assert.Equal("lucja@example.pl", mail.To);
            Assert.Contains(number, mail.Subject, StringComparison.Ordinal);
            Assert.Contains($"certyfikat nr {number}", mail.Text, StringComparison.Ordinal);
            Assert.Contains("„Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM” (CRM-PRK4)", mail.Text, StringComparison.Ordinal);
            Assert.Contains("zostało 180 dni", mail.Text, StringComparison.Ordinal);
            Assert.Contains(new Institution(Institution.DefaultName, Institution.DefaultPublicUrl).Link("Certificates").AbsoluteUri, mail.Text, StringComparison.Ordinal);
            Assert.Equal(holder, mail.Person);
        });

        await WithClockOnAsync(validUntil.AddDays(-91), async () =>
        {
            await TickAsync(grain);
            Assert.Single(await MailsAsync(number));
        });

        await WithClockOnAsync(validUntil.AddDays(-90), async () =>
        {
            await TickAsync(grain);
            await TickAsync(grain);
            Assert.Equal(["zostało 180 dni", "zostało 90 dni"], (await MailsAsync(number)).Select(m => m.Text.Contains("zostało 90 dni", StringComparison.Ordinal) ? "zostało 90 dni" : "zostało 180 dni"));
        });

        Assert.Equal(
            "issued,expiry_reminded,expiry_reminded",
            await fixture.Database.ScalarAsync<string>($"SELECT string_agg(kind, ',' ORDER BY seq) FROM audit_event WHERE stream = 'certificate:{number}'"));
    }

    [Fact]
    public async Task A_revoked_certificate_reminds_of_nothing()
    {
        var (number, grain) = await IssuedAsync(await HolderAsync(Samples.Person(null)));
        var validUntil = (await grain.GetAsync())!.ValidUntil;
        Assert.True((await grain.RevokeAsync("Decyzja uchylona", "admin")).Succeeded);

        await WithClockOnAsync(validUntil.AddDays(-30), () => TickAsync(grain));

        Assert.Empty(await MailsAsync(number));
    }

    [Fact]
    public async Task A_renewal_moves_the_reminders_to_the_new_last_day()
    {
        var (number, grain) = await IssuedAsync(await HolderAsync(Samples.Person(null)));
        var validUntil = (await grain.GetAsync())!.ValidUntil;
        await WithClockOnAsync(validUntil.AddDays(-180), () => TickAsync(grain));
        Assert.Single(await MailsAsync(number));

        var renewedUntil = validUntil.AddYears(5);
        Assert.True((await grain.RenewAsync(new CertificateRenewal(Guid.NewGuid(), renewedUntil, "Dowody pracy w CRM"), "reviewer")).Succeeded);

        await WithClockOnAsync(validUntil.AddDays(-30), () => TickAsync(grain));
        Assert.Single(await MailsAsync(number));

        await WithClockOnAsync(renewedUntil.AddDays(-180), () => TickAsync(grain));
        var mails = await MailsAsync(number);
        Assert.Equal(2, mails.Count);
        Assert.Contains(renewedUntil.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), mails[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holder_without_an_e_mail_is_skipped_and_reminded_once_the_CRM_has_one()
    {
        var details = Samples.Person(null) with { Email = null };
        var holder = await HolderAsync(details);
        var (number, grain) = await IssuedAsync(holder);
        var validUntil = (await grain.GetAsync())!.ValidUntil;

        await WithClockOnAsync(validUntil.AddDays(-180), async () =>
        {
            await TickAsync(grain);
            Assert.Empty(await MailsAsync(number));

            var person = fixture.Grains.GetGrain<IPersonGrain>(holder);
            var snapshot = (await person.GetAsync())!;
            Assert.True((await person.UpdateAsync(snapshot.Version, details with { Email = "spozniona@example.pl" }, ClientScope.All, "office")).Succeeded);
            await TickAsync(grain);
            Assert.Equal("spozniona@example.pl", Assert.Single(await MailsAsync(number)).To);
        });
    }

    private static Task TickAsync(ICertificateGrain grain) => grain.AsReference<IRemindable>().ReceiveReminder("expiry-reminders", default);

    /// <summary>Runs <paramref name="check"/> with the exam clock on that Polish day, then puts the clock back.</summary>
    private async Task WithClockOnAsync(DateOnly day, Func<Task> check)
    {
        var shift = TimeSpan.FromDays(day.DayNumber - PolishDate.Of(fixture.Clock.GetUtcNow()).DayNumber);
        fixture.Clock.Advance(shift);
        try
        {
            await check();
        }
        finally
        {
            fixture.Clock.Advance(-shift);
        }
    }

    private async Task<List<(string To, string Subject, string Text, Guid? Person)>> MailsAsync(string number)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT to_address, subject, text_body, person_id FROM mail_message WHERE related_type = 'certificate' AND related_id = $1 AND kind = $2 ORDER BY created_at, id");
        command.Parameters.AddWithValue(number);
        command.Parameters.AddWithValue(ExpiryReminderMail.Kind);
        await using var reader = await command.ExecuteReaderAsync();
        var mails = new List<(string, string, string, Guid?)>();
        while (await reader.ReadAsync())
        {
            mails.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3)));
        }

        return mails;
    }

    private async Task<Guid> HolderAsync(PersonDetails details)
    {
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(person).CreateAsync(details)).Succeeded);
        return person;
    }

    private async Task<(string Number, ICertificateGrain Grain)> IssuedAsync(Guid holder)
    {
        var today = PolishDate.Of(fixture.Clock.GetUtcNow());
        var reserved = await new CertificateNumbers(fixture.Database.DataSource).ReserveAsync(Guid.NewGuid(), holder, "CRM", today);
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(reserved.Number.ToString());
        var result = await grain.IssueAsync(
            new CertificateIssue(
                Guid.NewGuid(), holder, "Łucja Żółkiewska", new DateOnly(1944, 5, 14), "CRM-PRK4",
                new LocalizedText("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", "Customer relationship management using a CRM system"), 4,
                [new CertifiedOutcomeSet("1", new LocalizedText("Budowanie bazy klientów", null), 4, [new CertifiedOutcome("1.1", new LocalizedText("Pozyskuje dane klientów", null))])],
                today, 5, Institution.DefaultName, today),
            "office");
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return (reserved.Number.ToString(), grain);
    }
}
