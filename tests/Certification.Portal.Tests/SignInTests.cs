using System.Net;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_sign_in_page_is_in_polish_by_default()
    {
        var page = await fixture.Host.Anonymous().GetStringAsync("/Account/Login");

        Assert.Contains("<html lang=\"pl\">", page, StringComparison.Ordinal);
        Assert.Contains("Zaloguj się", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_can_be_chosen_and_is_remembered()
    {
        var client = fixture.Host.Anonymous();

        var chosen = await client.PostFormAsync("/Account/Login", new() { ["culture"] = "en-GB", ["returnUrl"] = "/Account/Login" }, "/Account/Culture");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var page = await client.GetStringAsync("/Account/Login");
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("Sign in", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_are_stored_as_identity_hashes()
    {
        var email = await fixture.Host.CreateUserAsync(Roles.Assessor);
        var account = await fixture.Host.Services.GetRequiredService<UserStore>().FindByEmailAsync(email);

        Assert.DoesNotContain(PortalHost.Password, account!.PasswordHash, StringComparison.Ordinal);
        var hasher = fixture.Host.Services.GetRequiredService<IPasswordHasher<UserAccount>>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(account, account.PasswordHash, PortalHost.Password));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_polish_message()
    {
        var email = await fixture.Host.CreateUserAsync(Roles.Assessor);

        var response = await fixture.Host.Anonymous().PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = "zle-haslo-123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nieprawidłowy e-mail lub hasło.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var email = await fixture.Host.CreateUserAsync(Roles.TrainingAdmin);
        var client = fixture.Host.Anonymous();
        for (var attempt = 0; attempt < SignInService.MaxFailedAttempts; attempt++)
        {
            await client.PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = $"zle-haslo-{attempt}" });
        }

        var response = await client.PostFormAsync("/Account/Login", new() { ["Email"] = email, ["Password"] = PortalHost.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Konto jest zablokowane", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions()
    {
        var email = await fixture.Host.CreateUserAsync(Roles.TrainingAdmin);
        var user = await fixture.Host.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Crm/Clients")).StatusCode);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.SystemAdmin));
        var account = await fixture.Host.Services.GetRequiredService<UserStore>().FindByEmailAsync(email);

        var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{account!.Id}", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = account.DisplayName,
            ["Form.Roles"] = Roles.TrainingAdmin,
            ["Form.IsDisabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await user.GetAsync("/Crm/Clients");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var user = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.Candidate));

        var response = await user.PostFormAsync("/Account/Logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Health_reports_postgresql_and_orleans()
    {
        var response = await fixture.Host.Anonymous().GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"postgresql\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"orleans\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }
}
