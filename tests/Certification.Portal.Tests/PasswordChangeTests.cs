using System.Net;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certification.Portal.Tests;

/// <summary>A password an administrator set is a starting password: nothing but replacing it works until it is replaced.</summary>
[Collection(PortalCollection.Name)]
public sealed class PasswordChangeTests(PortalFixture fixture)
{
    private const string Starting = "Start-Haslo-2026";
    private const string Own = "Moje-Wlasne-Haslo-9";

    [Fact]
    public async Task A_starting_password_leads_every_page_to_the_change_and_hubs_and_api_refuse()
    {
        var email = await CreateAsync(mustChange: true);
        var user = await fixture.Host.SignedInAsync(email, Starting);

        var page = await user.GetAsync("/Candidate");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Profile/Password?returnUrl=%2FCandidate", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync("/hubs/theory-test/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Contains("Twoje hasło nadał administrator", WebUtility.HtmlDecode(await user.GetStringAsync("/Profile/Password")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zle-haslo-123", Own, Own, "Obecne hasło jest nieprawidłowe.")]
    [InlineData(Starting, "krotkie", "krotkie", "Hasło musi mieć co najmniej 10 znaków.")]
    [InlineData(Starting, Starting, Starting, "Nowe hasło musi się różnić od obecnego.")]
    [InlineData(Starting, Own, "Inne-Haslo-1234", "Powtórzone hasło różni się od nowego.")]
    public async Task A_bad_change_is_explained_and_changes_nothing(string current, string next, string confirmation, string message)
    {
        var email = await CreateAsync(mustChange: true);
        var user = await fixture.Host.SignedInAsync(email, Starting);

        var response = await Change(user, current, next, confirmation, "/Candidate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/Candidate")).StatusCode);
        Assert.NotNull(await fixture.Host.SignedInAsync(email, Starting));
    }

    [Fact]
    public async Task After_the_change_the_user_goes_on_with_their_own_password_and_the_starting_one_is_dead()
    {
        var email = await CreateAsync(mustChange: true);
        var user = await fixture.Host.SignedInAsync(email, Starting);
        var elsewhere = await fixture.Host.SignedInAsync(email, Starting);

        var response = await Change(user, Starting, Own, Own, "/Candidate");

        Assert.Equal("/Candidate", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Candidate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Candidate")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Host.SignedInAsync(email, Starting));
        var again = await fixture.Host.SignedInAsync(email, Own);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Candidate")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_may_set_a_password_that_needs_no_change()
    {
        var email = await CreateAsync(mustChange: false);
        var user = await fixture.Host.SignedInAsync(email, Starting);

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Candidate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Profile/Password")).StatusCode);
    }

    [Fact]
    public async Task The_users_form_makes_a_new_password_a_starting_one_unless_unticked()
    {
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.SystemAdmin));
        var ticked = $"formularz-{Guid.NewGuid():N}@test.pl";
        var unticked = $"formularz-{Guid.NewGuid():N}@test.pl";

        Assert.Matches("<input type=\"checkbox\" checked=\"checked\"[^>]*name=\"Form.MustChangePassword\"", await admin.GetStringAsync("/Admin/Users/Create"));
        await CreateByFormAsync(admin, ticked, mustChange: true);
        await CreateByFormAsync(admin, unticked, mustChange: false);

        var users = fixture.Host.Services.GetRequiredService<UserStore>();
        Assert.True((await users.FindByEmailAsync(ticked))!.MustChangePassword);
        Assert.False((await users.FindByEmailAsync(unticked))!.MustChangePassword);
    }

    private static async Task CreateByFormAsync(HttpClient admin, string email, bool mustChange)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.DisplayName"] = "Osoba z formularza",
            ["Form.Roles"] = Roles.Candidate,
            ["Form.Password"] = Starting,
        };
        // A browser sends the checkbox's value when ticked and the hidden "false" beside it always.
        fields["Form.MustChangePassword"] = mustChange ? "true" : "false";

        var response = await admin.PostFormAsync("/Admin/Users/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Change(HttpClient user, string current, string next, string confirmation, string returnUrl) =>
        user.PostFormAsync($"/Profile/Password?returnUrl={Uri.EscapeDataString(returnUrl)}", new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["Confirmation"] = confirmation,
            ["ReturnUrl"] = returnUrl,
        });

    private async Task<string> CreateAsync(bool mustChange)
    {
        var email = $"haslo-{Guid.NewGuid():N}@test.pl";
        var (id, errors) = await fixture.Host.Services.GetRequiredService<AccountAdministration>()
            .CreateAsync(new AccountDetails(email, "Hasło Testowe", [Roles.Candidate], null, false, null, mustChange), Starting);
        Assert.True(id is not null, string.Join(", ", errors));
        return email;
    }
}
