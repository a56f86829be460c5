using System.Net;
using System.Text.RegularExpressions;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed partial class CandidateLoginTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_training_admin_gives_a_roster_person_a_login_with_which_they_find_their_session()
    {
        var grains = fixture.Host.Grains;
        var person = Guid.NewGuid();
        var email = $"kandydat-{Guid.NewGuid():N}@example.pl";
        await grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Ola", "Żak", email, null, null, null, null, null));
        var noEmail = Guid.NewGuid();
        await grains.GetGrain<IPersonGrain>(noEmail).CreateAsync(new PersonDetails("Ewa", "Bezmaila", null, null, null, null, null, null));
        var (operatorId, _) = await fixture.Host.CreateAccountAsync(Roles.ExamOperator);
        var session = Guid.NewGuid();
        var scheduled = await grains.GetGrain<IExamSessionGrain>(session).ScheduleAsync(new SessionDetails("CRM-PRK4", "Sesja z kontami", DateTimeOffset.UtcNow, null, operatorId, true));
        await grains.GetGrain<IExamSessionGrain>(session).SetRosterAsync(scheduled.Version, [person, noEmail]);
        var admin = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(Roles.TrainingAdmin));

        var created = await admin.PostFormAsync($"/Exams/Sessions/Details/{session}", new() { ["personId"] = person.ToString() }, $"/Exams/Sessions/Details/{session}?handler=CreateLogin");
        var refused = await admin.PostFormAsync($"/Exams/Sessions/Details/{session}", new() { ["personId"] = noEmail.ToString() }, $"/Exams/Sessions/Details/{session}?handler=CreateLogin");

        var page = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        var password = StartingPassword().Match(page);
        Assert.True(password.Success, "the starting password is shown once");
        Assert.Contains("Ta osoba nie ma adresu e-mail w CRM", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var candidate = await fixture.Host.SignedInAsync(email, password.Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.GetAsync("/Candidate")).StatusCode);
        var changed = await candidate.PostFormAsync("/Profile/Password", new()
        {
            ["CurrentPassword"] = password.Groups[1].Value,
            ["NewPassword"] = "Wlasne-Haslo-Oli-1",
            ["Confirmation"] = "Wlasne-Haslo-Oli-1",
            ["ReturnUrl"] = "/Candidate",
        });
        Assert.Equal("/Candidate", changed.Headers.Location?.OriginalString);
        Assert.Contains("Sesja z kontami", await candidate.GetStringAsync("/Candidate"), StringComparison.Ordinal);
        Assert.DoesNotContain(password.Groups[1].Value, await admin.GetStringAsync($"/Exams/Sessions/Details/{session}"), StringComparison.Ordinal);
    }

    [GeneratedRegex("hasło startowe: ([A-Za-z0-9]{12})\\.")]
    private static partial Regex StartingPassword();
}
