using System.Net;
using System.Text.RegularExpressions;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed partial class UserAdministrationTests(PortalFixture fixture)
{
    private const string NewPassword = "Nowe-Haslo-2026";

    [Fact]
    public async Task A_system_administrator_creates_a_user_who_can_then_sign_in()
    {
        var admin = await SystemAdminAsync();
        var email = UniqueEmail();
        var name = $"Zofia Źdźbłowska {Guid.NewGuid():N}";

        var response = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = name,
            ["Form.Roles"] = Roles.TrainingAdmin,
            ["Form.Password"] = NewPassword,
            ["Form.MustChangePassword"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Users", response.Headers.Location!.OriginalString);
        Assert.Equal(Roles.TrainingAdmin, await RolesOfAsync(fixture.Host, email));
        var user = await fixture.Host.SignedInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Crm/Clients")).StatusCode);
        var list = await admin.GetStringAsync("/Admin/Users");
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains(email, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_created_with_two_roles_holds_both()
    {
        var admin = await SystemAdminAsync();
        var email = UniqueEmail();

        var response = await PostFieldsAsync(admin, "/Admin/Users/Create",
        [
            new("Form.Email", email),
            new("Form.DisplayName", "Dwie Role"),
            new("Form.Roles", Roles.TrainingAdmin),
            new("Form.Roles", Roles.ExamOperator),
            new("Form.Password", NewPassword),
            new("Form.MustChangePassword", "false"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Roles.ExamOperator},{Roles.TrainingAdmin}", await RolesOfAsync(fixture.Host, email));
        var user = await fixture.Host.SignedInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Crm/Clients")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_with_a_taken_email_is_refused()
    {
        var admin = await SystemAdminAsync();
        var taken = await fixture.Host.CreateUserAsync(Roles.Assessor);
        var accounts = await AccountCountAsync();

        var response = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Form.Email"] = taken.ToUpperInvariant(),
            ["Form.DisplayName"] = "Ktoś Inny",
            ["Form.Roles"] = Roles.SystemAdmin,
            ["Form.Password"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Konto z tym adresem e-mail już istnieje.", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.Equal(accounts, await AccountCountAsync());
        Assert.Equal(Roles.Assessor, await RolesOfAsync(fixture.Host, taken));
        Assert.Equal("Test Assessor", await fixture.Host.Database.ScalarAsync<string>($"SELECT display_name FROM user_account WHERE email = '{taken}'"));
    }

    [Fact]
    public async Task A_password_shorter_than_ten_characters_is_refused()
    {
        var admin = await SystemAdminAsync();
        var email = UniqueEmail();
        var accounts = await AccountCountAsync();

        var response = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "Krótkie Hasło",
            ["Form.Roles"] = Roles.Candidate,
            ["Form.Password"] = "Abc-12345",
        });

        await AssertRefusedAsync(response, "Hasło musi mieć co najmniej 10 znaków.", email, accounts);
    }

    [Fact]
    public async Task A_partner_administrator_without_an_organisation_is_refused()
    {
        var admin = await SystemAdminAsync();
        var email = UniqueEmail();
        var accounts = await AccountCountAsync();

        var response = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "Partner Bez Organizacji",
            ["Form.Roles"] = Roles.PartnerAdmin,
            ["Form.ClientId"] = string.Empty,
            ["Form.Password"] = NewPassword,
        });

        await AssertRefusedAsync(response, "Administrator podmiotu musi mieć wskazaną organizację.", email, accounts);
    }

    [Fact]
    public async Task A_user_without_a_role_is_refused()
    {
        var admin = await SystemAdminAsync();
        var email = UniqueEmail();
        var accounts = await AccountCountAsync();

        var response = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "Bez Roli",
            ["Form.Password"] = NewPassword,
        });

        await AssertRefusedAsync(response, "Wybierz co najmniej jedną rolę.", email, accounts);
    }

    [Fact]
    public async Task The_last_active_system_administrator_cannot_remove_their_own_role()
    {
        // The shared portal holds system administrators made by other tests, so this needs a portal with exactly one.
        await using var host = await PortalHost.StartAsync();
        var email = await host.CreateUserAsync(Roles.SystemAdmin);
        var account = await host.Services.GetRequiredService<UserStore>().FindByEmailAsync(email);
        var admin = await host.SignedInAsync(email);

        var demoted = await admin.PostFormAsync($"/Admin/Users/Edit/{account!.Id}", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = account.DisplayName,
            ["Form.Roles"] = Roles.TrainingAdmin,
        });

        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Contains("Nie można odebrać roli ostatniemu aktywnemu administratorowi systemu.", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Roles.SystemAdmin, await RolesOfAsync(host, email));

        var disabled = await admin.PostFormAsync($"/Admin/Users/Edit/{account.Id}", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = account.DisplayName,
            ["Form.Roles"] = Roles.SystemAdmin,
            ["Form.IsDisabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains("Nie można odebrać roli ostatniemu aktywnemu administratorowi systemu.", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await host.Database.ScalarAsync<bool>($"SELECT is_disabled FROM user_account WHERE id = '{account.Id}'"));
        Assert.Equal(account.SecurityStamp, await host.Database.ScalarAsync<Guid>($"SELECT security_stamp FROM user_account WHERE id = '{account.Id}'"));
        Assert.Equal(1, await host.Database.ScalarAsync<long>("SELECT count(*) FROM user_account"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task Changing_a_users_roles_ends_their_access_on_their_next_request()
    {
        var email = await fixture.Host.CreateUserAsync(Roles.TrainingAdmin);
        var user = await fixture.Host.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Crm/Clients")).StatusCode);
        var account = await fixture.Host.Services.GetRequiredService<UserStore>().FindByEmailAsync(email);
        var admin = await SystemAdminAsync();

        var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{account!.Id}", new()
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = account.DisplayName,
            ["Form.Roles"] = Roles.Candidate,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Roles.Candidate, await RolesOfAsync(fixture.Host, email));
        var after = await user.GetAsync("/Crm/Clients");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var again = await fixture.Host.SignedInAsync(email);
        var refused = await again.GetAsync("/Crm/Clients");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string message, string email, long accountsBefore)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", page, StringComparison.Ordinal);
        Assert.Equal(accountsBefore, await AccountCountAsync());
        Assert.Equal(0, await fixture.Host.Database.ScalarAsync<long>($"SELECT count(*) FROM user_account WHERE normalized_email = upper('{email}')"));
    }

    private async Task<HttpClient> SystemAdminAsync() =>
        await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.SystemAdmin));

    private Task<long> AccountCountAsync() => fixture.Host.Database.ScalarAsync<long>("SELECT count(*) FROM user_account");

    private static Task<string?> RolesOfAsync(PortalHost host, string email) =>
        host.Database.ScalarAsync<string>(
            $"SELECT array_to_string(ARRAY(SELECT unnest(roles) ORDER BY 1), ',') FROM user_account WHERE normalized_email = upper('{email}')");

    private static string UniqueEmail() => $"nowy-{Guid.NewGuid():N}@test.pl";

    /// <summary>
    /// Like <see cref="PortalClient.PostFormAsync"/>, but with a list of fields so that one name can repeat,
    /// as a browser sends several ticked checkboxes.
    /// </summary>
    private static async Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
