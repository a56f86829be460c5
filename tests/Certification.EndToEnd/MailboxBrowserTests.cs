using Certification.Mail;
using Certification.Portal.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

public sealed class MailboxBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_mail_body_is_shown_in_the_dev_mailbox_but_its_script_never_runs()
    {
        var id = await browser.Portal.Services.GetRequiredService<IMailOutbox>().EnqueueAsync(
            new OutgoingMail("invitation.sent", new MailRecipient("jan.kowalski@gmina.example", "Jan Kowalski"), "Zaproszenie — Łódź", "Zapraszamy do Łodzi.")
            {
                HtmlBody = "<h1 id=\"greeting\" style=\"color:#1f5fbf\">Zapraszamy do Łodzi</h1>" +
                           "<script>top.document.title = 'przejęta'; alert('skrypt')</script><img src=\"x\" onerror=\"alert('obraz')\">",
            });
        var email = await browser.Portal.CreateUserAsync(Roles.TrainingAdmin);
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(Certification.Testing.PortalHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Poczta", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Zaproszenie — Łódź" }).ClickAsync();

        await Expect(page.FrameLocator("#html-body").Locator("#greeting")).ToHaveTextAsync("Zapraszamy do Łodzi");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Expect(page.Locator("#text-body")).ToHaveTextAsync("Zapraszamy do Łodzi.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "mailbox-message.png"), FullPage = true });

        Assert.Empty(dialogs);
        Assert.Equal("Zaproszenie — Łódź · Certyfikacja CRM", await page.TitleAsync());
        Assert.EndsWith($"/Mail/Message/{id}", page.Url, StringComparison.Ordinal);
    }
}
