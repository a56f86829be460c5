using System.Net;
using Certification.Mail;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>The portal of the test fixture has no SMTP server, as ./run.sh: its mail goes to the dev mailbox.</summary>
[Collection(PortalCollection.Name)]
public sealed class MailboxPageTests(PortalFixture fixture)
{
    private static readonly byte[] Programme = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A];

    [Fact]
    public async Task Without_smtp_mail_lands_in_the_dev_mailbox_a_training_administrator_reads()
    {
        var id = await EnqueueAsync("Zaproszenie na szkolenie — Poznań, Łazarz");

        await WaitForStatusAsync(id, "dev_delivered");
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

        Assert.Contains("href=\"/Mail\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Mail"));
        Assert.Contains("id=\"dev-mailbox\"", list, StringComparison.Ordinal);
        var row = list[list.IndexOf($"data-id=\"{id}\"", StringComparison.Ordinal)..];
        Assert.Contains("Zaproszenie na szkolenie — Poznań, Łazarz", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("jan.kowalski@gmina.example", row, StringComparison.Ordinal);
        Assert.Contains("w skrzynce deweloperskiej", row, StringComparison.Ordinal);
        Assert.Contains("invitation.sent", row, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), WebUtility.HtmlDecode(await admin.GetStringAsync($"/Mail?person={fixture.PersonOfA}")), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), WebUtility.HtmlDecode(await admin.GetStringAsync($"/Mail?person={fixture.PersonOfB}")), StringComparison.Ordinal);

        var details = await admin.GetAsync($"/Mail/Message/{id}");
        var page = await details.Content.ReadAsStringAsync();
        Assert.Contains("Dzień dobry,\nzapraszamy na szkolenie w Poznaniu.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", details.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The HTML body is only ever the text of a sandboxed frame's srcdoc: its script never becomes markup of the page.
        Assert.Contains("sandbox=\"\"", page, StringComparison.Ordinal);
        Assert.Contains("srcdoc=\"&lt;p&gt;Zapraszamy&lt;/p&gt;&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        var attachment = await admin.GetAsync($"/Mail/Message/{id}?handler=Attachment&position=0");
        Assert.Equal(Programme, await attachment.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", attachment.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("program-szkolenia.pdf", attachment.Content.Headers.ContentDisposition.FileNameStar);

        var systemAdmin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.SystemAdmin));
        Assert.Equal(HttpStatusCode.OK, (await systemAdmin.GetAsync($"/Mail/Message/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Candidate)]
    [InlineData(Roles.ExamOperator)]
    [InlineData(Roles.Assessor)]
    [InlineData(Roles.PartnerAdmin)]
    public async Task Nobody_else_reads_the_mail(string role)
    {
        var id = await EnqueueAsync("Wiadomość nie dla każdego");
        var client = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(role, role == Roles.PartnerAdmin ? fixture.ClientA : null));

        foreach (var path in new[] { "/Mail", $"/Mail/Message/{id}", $"/Mail/Message/{id}?handler=Attachment&position=0" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"/Mail\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_message_is_sent_again_from_the_mailbox()
    {
        var id = await EnqueueAsync("Wiadomość do ponownej wysyłki");
        await WaitForStatusAsync(id, "dev_delivered");
        await fixture.Host.Database.ExecuteAsync($"UPDATE mail_message SET status = 'failed', attempts = 8, last_error = '550 5.1.1 user unknown' WHERE id = '{id}'");
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));
        Assert.Contains("Wyślij ponownie", await admin.GetStringAsync("/Mail?status=Failed"), StringComparison.Ordinal);

        var response = await admin.PostFormAsync($"/Mail/Message/{id}", [], $"/Mail/Message/{id}?handler=SendAgain");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await WaitForStatusAsync(id, "dev_delivered");
        Assert.Equal(1, await fixture.Host.Database.ScalarAsync<int>($"SELECT attempts FROM mail_message WHERE id = '{id}'"));
    }

    private Task<Guid> EnqueueAsync(string subject) =>
        fixture.Host.Services.GetRequiredService<IMailOutbox>().EnqueueAsync(
            new OutgoingMail("invitation.sent", new MailRecipient("jan.kowalski@gmina.example", "Jan Kowalski"), subject, "Dzień dobry,\nzapraszamy na szkolenie w Poznaniu.")
            {
                HtmlBody = "<p>Zapraszamy</p><script>alert('x')</script><img src=\"https://tracker.example/p.gif\">",
                Attachments = [new MailAttachment("program-szkolenia.pdf", "application/pdf", Programme)],
                PersonId = fixture.PersonOfA,
            });

    private async Task WaitForStatusAsync(Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await fixture.Host.Database.ScalarAsync<string>($"SELECT status FROM mail_message WHERE id = '{id}'") != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"mail {id} did not reach '{status}'");
            await Task.Delay(50);
        }
    }
}
