using System.Globalization;
using System.Net;
using Certification.Crm;
using Certification.Exams;
using Certification.Items;
using Certification.Portal.Accounts;
using Certification.Testing;

namespace Certification.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class ItemStatisticsPageTests(PortalFixture fixture)
{
    private const string Qualification = "CRM-PRK4";
    private const int Submitting = 8;
    private const int Strong = 5;

    /// <summary>
    /// The portal gets a database of its own, so attempts other tests submit cannot change the numbers.
    /// See <see cref="SitSessionAsync"/> for how the candidates answer.
    /// </summary>
    [Fact]
    public async Task The_statistics_page_and_csv_show_the_facility_of_an_item_from_the_submitted_attempts()
    {
        await using var host = await PortalHost.StartAsync();
        var admin = await host.SignedInAsync(await host.CreateUserAsync(Roles.TrainingAdmin));
        var empty = await admin.GetStringAsync("/Items/Statistics");

        var (target, drawers) = await SitSessionAsync(host);

        var csv = await CsvAsync(admin, string.Empty);
        var page = await admin.GetStringAsync("/Items/Statistics");

        Assert.Contains("Nie ma jeszcze oddanych prób tej kwalifikacji.", empty, StringComparison.Ordinal);
        Assert.Contains("href=\"/Items/Statistics\"", await admin.GetStringAsync("/Items"), StringComparison.Ordinal);

        Assert.StartsWith("item_id,version,outcome,criterion,kind,responses,omitted,p,", csv[0], StringComparison.Ordinal);
        var rows = csv.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(Submitting * 30, rows.Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture)));
        var row = rows.Single(r => r[0] == target);
        var answered = (drawers + 1) / 2;
        Assert.Equal(drawers.ToString(CultureInfo.InvariantCulture), row[5]);
        Assert.Equal((drawers - answered).ToString(CultureInfo.InvariantCulture), row[6]);
        Assert.Equal(((double)answered / drawers).ToString("0.000", CultureInfo.InvariantCulture), row[7]);
        Assert.Equal("true", row[11]);

        // Every item has too few responses to raise a concern; sorting and the criterion filter reach the CSV too.
        Assert.Single(await CsvAsync(admin, "&concern=any"));
        var hardestFirst = (await CsvAsync(admin, "&sort=Facility&descending=false")).Skip(1).Select(line => line.Split(',')[7]).ToList();
        Assert.Equal(hardestFirst.Order(StringComparer.Ordinal), hardestFirst);
        Assert.All((await CsvAsync(admin, $"&criterion={row[3]}")).Skip(1), line => Assert.Equal(row[3], line.Split(',')[3]));

        Assert.Contains($"id=\"attempts\">{Submitting}<", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Items/Preview/{target}\"", page, StringComparison.Ordinal);
        Assert.Contains("za mało odpowiedzi", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Candidate)]
    [InlineData(Roles.ExamOperator)]
    public async Task Only_training_administrators_see_item_statistics(string role)
    {
        var client = await fixture.Host.SignedInAsync(await fixture.Host.CreateUserAsync(role));

        foreach (var path in new[] { "/Items/Statistics", "/Items/Statistics?handler=Csv" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Nine candidates sit a session. The first <see cref="Strong"/> answer every question right, the next ones every
    /// question wrong, except the item drawn most often among the <see cref="Submitting"/> who submit: its drawers
    /// answer it right and leave it blank in turn. The last candidate answers but never submits, so must not count.
    /// </summary>
    /// <returns>That item, and how many of the submitting candidates drew it.</returns>
    private static async Task<(string Target, int Drawers)> SitSessionAsync(PortalHost host)
    {
        var grains = host.Grains;
        var people = new List<Guid>();
        for (var i = 0; i <= Submitting; i++)
        {
            var person = Guid.NewGuid();
            await grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails("Kandydat", $"Numer {i}", null, null, null, null, null, null));
            people.Add(person);
        }

        var (operatorId, _) = await host.CreateAccountAsync(Roles.ExamOperator);
        var session = Guid.NewGuid();
        var sessionGrain = grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await sessionGrain.ScheduleAsync(new SessionDetails(Qualification, "Sesja statystyk", DateTimeOffset.UtcNow, null, operatorId, true));
        await sessionGrain.SetRosterAsync(scheduled.Version, people);
        Assert.True((await sessionGrain.OpenAsync(operatorId.ToString())).Succeeded);

        var bank = (await grains.GetGrain<IItemBankGrain>(Qualification).ActiveAsync()).ToDictionary(i => i.Version.Content.Stem);
        var tests = new List<(ITheoryTestGrain Grain, IReadOnlyList<(int Number, ActiveItem Item)> Questions)>();
        for (var i = 0; i < people.Count; i++)
        {
            var grain = grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, people[i]));
            var opened = await grain.OpenAsync(Connection(i), Actor(i));
            tests.Add((grain, [.. opened.View!.Questions.Select(q => (q.Number, bank[q.Stem]))]));
        }

        var target = tests.Take(Submitting).SelectMany(t => t.Questions.Select(q => q.Item.ItemId))
            .GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var drawers = 0;
        for (var i = 0; i < tests.Count; i++)
        {
            var seq = 0;
            foreach (var (number, item) in tests[i].Questions)
            {
                var options = item.Version.Content.Options;
                string[] right = [.. options.Where(o => o.Correct).Select(o => o.Id)];
                string[] wrong = [options.First(o => !o.Correct).Id];
                var selected = item.ItemId == target && i < Submitting ? (drawers++ % 2 == 0 ? right : []) : i < Strong ? right : wrong;
                if (selected.Length > 0)
                {
                    var saved = await tests[i].Grain.SaveAnswerAsync(Connection(i), Actor(i), new AnswerChange(++seq, number, selected, false));
                    Assert.Equal(SaveOutcome.Saved, saved.Outcome);
                }
            }

            if (i < Submitting)
            {
                await tests[i].Grain.SubmitAsync(Connection(i), Actor(i));
            }
        }

        return (target, drawers);
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string query) =>
        (await client.GetStringAsync($"/Items/Statistics?handler=Csv{query}")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static string Connection(int candidate) => $"connection-{candidate}";

    private static string Actor(int candidate) => $"candidate-{candidate}";
}
