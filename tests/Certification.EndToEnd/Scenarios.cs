using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Certification.EndToEnd;

/// <summary>An open theory-test session with one candidate on its roster and the operator who runs it.</summary>
public sealed record TheorySession(Guid Session, Guid Person, string Candidate, string Operator);

public static partial class Scenarios
{
    /// <summary>Signs in on the page; test accounts share <see cref="PortalHost.Password"/>, the demo logins have their own.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = PortalHost.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Hasło").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaloguj się" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = Welcome() })).ToBeVisibleAsync();
    }

    public static async Task<TheorySession> OpenTheorySessionAsync(PortalHost portal)
    {
        var grains = portal.Grains;
        var person = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Zofia", "Źdźbło", null, null, null, null, null, null));
        var candidate = await portal.CreateUserAsync(Roles.Candidate, personId: person);
        var (operatorId, operatorEmail) = await portal.CreateAccountAsync(Roles.ExamOperator);
        var session = Guid.NewGuid();
        var grain = grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(new SessionDetails("CRM-PRK4", "Sesja E2E", DateTimeOffset.UtcNow, "Sala 7", operatorId, ShowResultAtOnce: true));
        await grain.SetRosterAsync(scheduled.Version, [person]);
        var opened = await grain.OpenAsync(operatorId.ToString());
        Assert.True(opened.Succeeded, string.Join(", ", opened.Errors));
        return new TheorySession(session, person, candidate, operatorEmail);
    }

    [GeneratedRegex("^Witaj")]
    private static partial Regex Welcome();
}
