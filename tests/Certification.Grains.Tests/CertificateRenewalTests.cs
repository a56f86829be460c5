using Certification.Certificates;
using Certification.Certificates.Renewal;
using Certification.Common;
using Certification.Crm;
using Certification.Qualifications;
using Certification.Testing;

namespace Certification.Grains.Tests;

/// <summary>Renewal requests through their grain on the real database: checked by the rule, one open at a time, decided once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CertificateRenewalTests(ClusterFixture fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4 zaświadczenie pracodawcy"u8];

    private DateOnly Today => PolishDate.Of(fixture.Clock.GetUtcNow());

    [Fact]
    public async Task An_accepted_request_renews_five_years_from_the_old_expiry_once_and_tells_the_holder()
    {
        var (number, holder) = await IssuedAsync(Today.AddYears(-3));
        var renewals = fixture.Grains.GetGrain<ICertificateRenewalGrain>(number);
        var request = Guid.NewGuid();
        var submission = new RenewalSubmission(request, holder, [Period(Today.AddYears(-2), Today.AddYears(-1), "ACME sp. z o.o., handlowiec")]);

        Assert.True((await renewals.SubmitAsync(submission, "holder")).Succeeded);
        Assert.True((await renewals.SubmitAsync(submission, "holder")).Succeeded);
        var submitted = Assert.Single(await renewals.ListAsync());
        Assert.Equal((RenewalStatus.Submitted, Today.AddYears(-1).DayNumber - Today.AddYears(-2).DayNumber + 1), (submitted.Status, submitted.CountedDays));
        Assert.Equal("zaswiadczenie.pdf", Assert.Single(Assert.Single(submitted.Periods).Evidence).FileName);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM certificate_renewal_evidence WHERE renewal_id = '{request}' AND content = '\\x{Convert.ToHexString(Pdf)}'"));

        var second = new RenewalSubmission(Guid.NewGuid(), holder, [Period(Today.AddYears(-2), Today.AddYears(-1), "ACME")]);
        Assert.Equal(CertificateRenewalGrain.OpenRequest, Code(await renewals.SubmitAsync(second, "holder")));

        var oldUntil = Today.AddYears(2);
        Assert.True((await renewals.AcceptAsync(request, "reviewer")).Succeeded);
        Assert.True((await renewals.AcceptAsync(request, "reviewer")).Succeeded);
        var certificate = (await fixture.Grains.GetGrain<ICertificateGrain>(number).GetAsync())!;
        Assert.Equal((oldUntil.AddYears(5), 2), (certificate.ValidUntil, certificate.DocumentVersion));
        Assert.Equal([oldUntil, oldUntil.AddYears(5)], certificate.Versions.Select(v => v.ValidUntil));
        Assert.Equal(CertificateRenewalGrain.NotOpen, Code(await renewals.RefuseAsync(request, "Za późno.", "reviewer")));
        var accepted = Assert.Single(await renewals.ListAsync());
        Assert.Equal((RenewalStatus.Accepted, oldUntil.AddYears(5), "reviewer"), (accepted.Status, accepted.ValidUntil, accepted.DecidedBy));

        Assert.Equal("submitted,accepted", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY seq) FROM audit_event WHERE stream = 'certificate-renewal:{number}'"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<int>($"SELECT status FROM certificate_renewal WHERE id = '{request}'"));
        Assert.Equal("renewal.submitted,renewal.accepted", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE person_id = '{holder}'"));
        var subject = await fixture.Database.ScalarAsync<string>($"SELECT subject FROM mail_message WHERE person_id = '{holder}' AND kind = 'renewal.accepted'");
        Assert.Equal($"Certyfikat {number} przedłużony", subject);
    }

    [Fact]
    public async Task A_refusal_needs_reasons_and_the_holder_is_told_to_pass_validation_again()
    {
        var (number, holder) = await IssuedAsync(Today.AddYears(-4));
        var renewals = fixture.Grains.GetGrain<ICertificateRenewalGrain>(number);
        var request = Guid.NewGuid();
        Assert.True((await renewals.SubmitAsync(new RenewalSubmission(request, holder, [Period(Today.AddYears(-3), Today.AddYears(-2), "Sklep")]), "holder")).Succeeded);

        Assert.Equal(CertificateGrain.ReasonRequired, Code(await renewals.RefuseAsync(request, "  ", "reviewer")));
        Assert.True((await renewals.RefuseAsync(request, "Zaświadczenie nie dotyczy pracy z CRM.", "reviewer")).Succeeded);

        var refused = Assert.Single(await renewals.ListAsync());
        Assert.Equal((RenewalStatus.Refused, "Zaświadczenie nie dotyczy pracy z CRM."), (refused.Status, refused.Reasons));
        Assert.Equal(CertificateRenewalGrain.NotOpen, Code(await renewals.AcceptAsync(request, "reviewer")));
        Assert.Equal(1, (await fixture.Grains.GetGrain<ICertificateGrain>(number).GetAsync())!.DocumentVersion);
        var body = await fixture.Database.ScalarAsync<string>($"SELECT text_body FROM mail_message WHERE person_id = '{holder}' AND kind = 'renewal.refused'");
        Assert.Contains("Zaświadczenie nie dotyczy pracy z CRM.", body, StringComparison.Ordinal);
        Assert.Contains("ponownie przystąpić do walidacji", body, StringComparison.Ordinal);

        // Once refused, the holder may ask again.
        Assert.True((await renewals.SubmitAsync(new RenewalSubmission(Guid.NewGuid(), holder, [Period(Today.AddYears(-3), Today.AddYears(-2), "Sklep")]), "holder")).Succeeded);
    }

    [Fact]
    public async Task Bad_requests_store_nothing()
    {
        var (number, holder) = await IssuedAsync(Today.AddYears(-3));
        var renewals = fixture.Grains.GetGrain<ICertificateRenewalGrain>(number);
        var from = Today.AddYears(-2);

        Assert.Equal(CertificateRenewalGrain.NotHolder, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), Guid.NewGuid(), [Period(from, from.AddDays(400), "A")]), "x")));
        Assert.Equal(CertificateRenewalGrain.NotEnoughWork, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), holder, [Period(from, from.AddDays(363), "A")]), "x")));
        Assert.Equal(RenewalRule.EvidenceRequired, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), holder, [Period(from, from.AddDays(400), "A") with { Evidence = [] }]), "x")));
        Assert.Equal(RenewalRule.PeriodInFuture, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), holder, [Period(from, Today.AddDays(1), "A")]), "x")));
        Assert.Equal(RenewalRule.NoPeriods, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), holder, []), "x")));
        Assert.Equal(ErrorCodes.Required, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), holder, [Period(from, from.AddDays(400), " ")]), "x")));
        var exe = Period(from, from.AddDays(400), "A") with { Evidence = [new EvidenceFile("cv.pdf", "application/pdf", [.. "MZ\u0090"u8])] };
        Assert.Equal(RenewalEvidence.FileType, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), holder, [exe]), "x")));
        var big = new byte[RenewalEvidence.MaxFileBytes + 1];
        Pdf.CopyTo(big, 0);
        var large = Period(from, from.AddDays(400), "A") with { Evidence = [new EvidenceFile("duzy.pdf", "application/pdf", big)] };
        Assert.Equal(RenewalEvidence.FileTooLarge, Code(await renewals.SubmitAsync(new(Guid.NewGuid(), holder, [large]), "x")));

        Assert.Empty(await renewals.ListAsync());
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM certificate_renewal WHERE number = '{number}'"));
    }

    [Fact]
    public async Task A_revoked_or_long_expired_certificate_is_not_renewed()
    {
        var (revokedNumber, revokedHolder) = await IssuedAsync(Today.AddYears(-3));
        Assert.True((await fixture.Grains.GetGrain<ICertificateGrain>(revokedNumber).RevokeAsync("Decyzja zmieniona.", "admin")).Succeeded);
        var from = Today.AddYears(-2);
        Assert.Equal(CertificateGrain.Revoked, Code(await fixture.Grains.GetGrain<ICertificateRenewalGrain>(revokedNumber)
            .SubmitAsync(new(Guid.NewGuid(), revokedHolder, [Period(from, from.AddDays(400), "A")]), "x")));

        // Valid until 91 days ago: past the grace period; 90 days ago is still in it.
        var (oldNumber, oldHolder) = await IssuedAsync(Today.AddDays(-91).AddYears(-5));
        var (recentNumber, recentHolder) = await IssuedAsync(Today.AddDays(-90).AddYears(-5));
        from = Today.AddYears(-4);
        Assert.Equal(CertificateRenewalGrain.ExpiredTooLong, Code(await fixture.Grains.GetGrain<ICertificateRenewalGrain>(oldNumber)
            .SubmitAsync(new(Guid.NewGuid(), oldHolder, [Period(from, from.AddDays(400), "A")]), "x")));
        var recent = fixture.Grains.GetGrain<ICertificateRenewalGrain>(recentNumber);
        var request = Guid.NewGuid();
        Assert.True((await recent.SubmitAsync(new(request, recentHolder, [Period(from, from.AddDays(400), "A")]), "x")).Succeeded);
        Assert.True((await recent.AcceptAsync(request, "reviewer")).Succeeded);
        Assert.Equal(Today.AddDays(-90).AddYears(5), (await fixture.Grains.GetGrain<ICertificateGrain>(recentNumber).GetAsync())!.ValidUntil);
    }

    private static string Code(CommandResult result) => Assert.Single(result.Errors).Code;

    private static StatedPeriod Period(DateOnly from, DateOnly to, string description) =>
        new(from, to, description, [new EvidenceFile("C:\\Dokumenty\\zaswiadczenie.pdf", "application/pdf", Pdf)]);

    /// <summary>A certificate issued on the day to a new CRM person with an e-mail address.</summary>
    private async Task<(string Number, Guid Holder)> IssuedAsync(DateOnly issuedOn)
    {
        var holder = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(holder).CreateAsync(
            new PersonDetails("Łucja", "Żółkiewska", $"{holder:N}@example.com", null, null, null, null, null))).Succeeded);
        var reserved = await new CertificateNumbers(fixture.Database.DataSource).ReserveAsync(Guid.NewGuid(), holder, "CRM", issuedOn);
        var number = reserved.Number.ToString();
        var result = await fixture.Grains.GetGrain<ICertificateGrain>(number).IssueAsync(
            new CertificateIssue(
                Guid.NewGuid(), holder, "Łucja Żółkiewska", null, "CRM-PRK4", new LocalizedText("Zarządzanie relacjami z klientem", null), 4,
                [new CertifiedOutcomeSet("1", new LocalizedText("Budowanie bazy klientów", null), 4, [])], issuedOn, 5, Institution.DefaultName, issuedOn),
            "office");
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return (number, holder);
    }
}
