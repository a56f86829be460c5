using System.Net;
using Certification.Certificates;
using Certification.Common;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Qualifications;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>
/// Renewal in the portal: the holder asks for their own certificate only, bad uploads change nothing, the office reviews
/// and the evidence is downloaded by the holder and the office alone.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CertificateRenewalPagesTests(PortalFixture fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4 zaświadczenie"u8];

    private PortalHost Host => fixture.Host;

    private DateOnly Today => PolishDate.Of(Host.Services.GetRequiredKeyedService<TimeProvider>(ExamClock.Key).GetUtcNow());

    [Fact]
    public async Task The_holder_requests_with_evidence_bad_uploads_store_nothing_and_the_office_accepts()
    {
        var (number, holder) = await IssuedAsync(Today.AddYears(-3));
        var slug = number.Replace('/', '-');
        var page = $"/Certificates/Renew/{slug}";
        var own = await Host.SignedInAsync(holder);
        Assert.Contains(page, await own.GetStringAsync("/Certificates"), StringComparison.Ordinal);

        var from = Today.AddYears(-2).ToString("yyyy-MM-dd");
        var to = Today.AddYears(-1).ToString("yyyy-MM-dd");
        var fields = new Dictionary<string, string> { ["Periods[0].From"] = from, ["Periods[0].To"] = to, ["Periods[0].Description"] = "ACME, handlowiec" };
        var exe = await own.PostFileAsync(page, fields, "Periods[0].Evidence", "zaswiadczenie.pdf", [.. "MZ\u0090\u0000"u8]);
        Assert.Contains("Dokumenty przyjmujemy jako PDF, JPG lub PNG.", await TextAsync(exe), StringComparison.Ordinal);
        var tooShort = await own.PostFileAsync(page, fields.With("Periods[0].To", Today.AddYears(-2).AddDays(99).ToString("yyyy-MM-dd")), "Periods[0].Evidence", "z.pdf", Pdf);
        var shortText = await TextAsync(tooShort);
        Assert.Contains("Podane okresy nie dają roku pracy", shortText, StringComparison.Ordinal);
        Assert.Contains("Policzono 100 dni pracy w okresie ważności; brakuje 265.", shortText, StringComparison.Ordinal);
        Assert.Equal(0, await Host.Database.ScalarAsync<long>($"SELECT count(*) FROM certificate_renewal WHERE number = '{number}'"));

        var (_, stranger) = await IssuedAsync(Today.AddYears(-3));
        var other = await Host.SignedInAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);

        var submitted = await own.PostFileAsync(page, fields, "Periods[0].Evidence", "zaswiadczenie.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("czeka na rozpatrzenie", await TextAsync(await own.GetAsync("/Certificates")), StringComparison.Ordinal);
        var id = (await Host.Database.ScalarAsync<Guid>($"SELECT id FROM certificate_renewal WHERE number = '{number}'"));
        var evidence = $"/Certificates/Evidence/{await Host.Database.ScalarAsync<Guid>($"SELECT id FROM certificate_renewal_evidence WHERE renewal_id = '{id}'")}";
        Assert.Equal(Pdf, await own.GetByteArrayAsync(evidence));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(evidence)).StatusCode);
        Assert.Contains("AccessDenied", (await own.GetAsync("/Certificates/Admin/Renewals")).Headers.Location!.ToString(), StringComparison.Ordinal);
        var manager = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.AccountManager));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(evidence)).StatusCode);
        Assert.Contains("AccessDenied", (await manager.GetAsync($"/Certificates/Admin/Renewal/{id}")).Headers.Location!.ToString(), StringComparison.Ordinal);

        var reviewer = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.TrainingAdmin));
        Assert.Contains(number, await reviewer.GetStringAsync("/Certificates/Admin/Renewals"), StringComparison.Ordinal);
        var request = $"/Certificates/Admin/Renewal/{id}";
        var requestText = await TextAsync(await reviewer.GetAsync(request));
        Assert.Contains(evidence, requestText, StringComparison.Ordinal);
        Assert.Contains("ACME, handlowiec", requestText, StringComparison.Ordinal);
        Assert.Equal(Pdf, await reviewer.GetByteArrayAsync(evidence));
        var blank = await reviewer.PostFormAsync(request, new() { ["Reasons"] = " " }, request + "?handler=Refuse");
        Assert.Contains("Podaj powód.", await TextAsync(blank), StringComparison.Ordinal);

        var admin = await Host.SignedInAsync(await Host.CreateUserAsync(Roles.SystemAdmin));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(request, [], request + "?handler=Accept")).StatusCode);
        var renewedUntil = Today.AddYears(2).AddYears(5);
        Assert.Equal(renewedUntil, (await Host.Grains.GetGrain<ICertificateGrain>(number).GetAsync())!.ValidUntil);
        Assert.Contains(renewedUntil.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("pl-PL")), await TextAsync(await own.GetAsync("/Certificates")), StringComparison.Ordinal);
        Assert.DoesNotContain(number, await reviewer.GetStringAsync("/Certificates/Admin/Renewals"), StringComparison.Ordinal);
    }

    /// <summary>A certificate issued on the day to a new CRM person with a candidate's account; returns the number and the account's e-mail.</summary>
    private async Task<(string Number, string Holder)> IssuedAsync(DateOnly issuedOn)
    {
        var person = Guid.NewGuid();
        Assert.True((await Host.Grains.GetGrain<IPersonGrain>(person).CreateAsync(
            new PersonDetails("Renata", "Przedłużająca", $"{person:N}@example.com", null, null, null, null, null))).Succeeded);
        var reserved = await new CertificateNumbers(Host.Database.DataSource).ReserveAsync(Guid.NewGuid(), person, "CRM", issuedOn);
        var number = reserved.Number.ToString();
        Assert.True((await Host.Grains.GetGrain<ICertificateGrain>(number).IssueAsync(
            new CertificateIssue(
                Guid.NewGuid(), person, "Renata Przedłużająca", null, "CRM-PRK4", new LocalizedText("Zarządzanie relacjami z klientem", null), 4,
                [new CertifiedOutcomeSet("1", new LocalizedText("Budowanie bazy klientów", null), 4, [])], issuedOn, 5, Institution.DefaultName, issuedOn),
            "office")).Succeeded);
        return (number, await Host.CreateUserAsync(Roles.Candidate, personId: person));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}

internal static class FieldsExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string name, string value) =>
        new(fields) { [name] = value };
}
