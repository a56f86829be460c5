using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>The office gives a client into an account manager's care; the account manager, signed in, sees that client alone.</summary>
public sealed class AccountManagerBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_client_assigned_by_the_office_is_the_only_one_its_account_manager_sees()
    {
        var grains = browser.Portal.Grains;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (cared, other) = (Guid.NewGuid(), Guid.NewGuid());
        await grains.GetGrain<IClientGrain>(cared).CreateAsync(
            new ClientDetails($"Gmina Opiekowana {tag}", ClientKind.Municipality, TestNip.For(cared), null, new Address("ul. Rynek 1", "62-035", "Kórnik"), []));
        await grains.GetGrain<IClientGrain>(other).CreateAsync(
            new ClientDetails($"Gmina Cudza {tag}", ClientKind.Municipality, TestNip.For(other), null, new Address("ul. Rynek 2", "62-035", "Kórnik"), []));
        var (managerId, managerEmail) = await browser.Portal.CreateAccountAsync(Roles.AccountManager);

        var office = await browser.NewPageAsync();
        await Scenarios.SignInAsync(office, await browser.Portal.CreateUserAsync(Roles.TrainingAdmin));
        await office.GotoAsync($"/Crm/Clients/Details/{cared}");
        await office.Locator("#manage-caretakers").ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(office, "a client's caretakers before any is assigned");
        await office.GetByLabel("Nowy opiekun").SelectOptionAsync(new SelectOptionValue { Label = $"Test AccountManager ({managerEmail})" });
        await office.GetByRole(AriaRole.Button, new() { Name = "Przydziel" }).ClickAsync();
        await Expect(office.Locator("#caretaker-list tbody tr")).ToContainTextAsync(managerEmail);
        await Axe.AssertNoSeriousViolationsAsync(office, "a client's caretakers");

        var manager = await browser.NewPageAsync();
        await Scenarios.SignInAsync(manager, managerEmail);
        await manager.Locator("#my-clients").ClickAsync();
        await Expect(manager.Locator("#clients tbody tr")).ToHaveCountAsync(1);
        await Expect(manager.Locator("#clients")).ToContainTextAsync($"Gmina Opiekowana {tag}");
        await Axe.AssertNoSeriousViolationsAsync(manager, "an account manager's own clients");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Gmina Opiekowana {tag}" }).ClickAsync();
        await Expect(manager.Locator("#caretakers")).ToContainTextAsync("Test AccountManager");
        await Axe.AssertNoSeriousViolationsAsync(manager, "a client in an account manager's care");

        // With the browser's own cookies: another client's page does not exist for her.
        var response = await manager.APIRequest.GetAsync($"/Crm/Clients/Details/{other}");
        Assert.Equal(404, response.Status);

        var admin = await browser.NewPageAsync();
        await Scenarios.SignInAsync(admin, await browser.Portal.CreateUserAsync(Roles.SystemAdmin));
        await admin.GotoAsync($"/Admin/Users/Edit/{managerId}");
        await Expect(admin.Locator("#cared-for")).ToContainTextAsync($"Gmina Opiekowana {tag}");
        await Axe.AssertNoSeriousViolationsAsync(admin, "an account manager's account with the clients in their care");
    }
}
