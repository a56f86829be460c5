using Certification.Consents;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Training;
using Dapper;
using Npgsql;

namespace Certification.Portal.DemoData;

/// <summary>
/// The demo of the training office: five fixed locations, a trainer (the demo assessor, so the
/// practical exam can show an impartiality conflict), and orders in every phase around today, with
/// people of the demo clients (the demo partner's organisation among them) enrolled.
/// </summary>
public sealed class TrainingDemo(IGrainFactory grains, NpgsqlDataSource dataSource, UserStore users, TimeProvider clock)
{
    private const string Actor = "demo";

    private static readonly TrainingLocation[] Locations =
    [
        new(new Guid("5f0c8a3e-0001-4b1a-9c6d-2e7f8a9b0c1d"), "Centrum Szkoleniowe Wronia", "ul. Wronia 1", "Poznań", "Poznań"),
        new(new Guid("5f0c8a3e-0002-4b1a-9c6d-2e7f8a9b0c1d"), "Centrum Konferencyjne Kalisz", "ul. Częstochowska 25", "Kalisz", "Kalisz"),
        new(new Guid("5f0c8a3e-0003-4b1a-9c6d-2e7f8a9b0c1d"), "Starostwo Powiatowe — sala 12", "al. 1 Maja 9", "Konin", "Konin"),
        new(new Guid("5f0c8a3e-0004-4b1a-9c6d-2e7f8a9b0c1d"), "Hotel Gromada Piła", "al. Piastów 3", "Piła", "pilski"),
        new(new Guid("5f0c8a3e-0005-4b1a-9c6d-2e7f8a9b0c1d"), "Urząd Miasta Leszna — sala sesyjna", "ul. Karasia 15", "Leszno", "Leszno"),
    ];

    public async Task SeedAsync()
    {
        var setup = grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key);
        foreach (var location in Locations)
        {
            Check(await setup.SaveLocationAsync(location), location.Name);
        }

        var trainer = await SeedTrainerAsync();
        var partnerClient = (await users.FindByEmailAsync("partner@demo.pl"))?.ClientId;
        await using var connection = await dataSource.OpenConnectionAsync();
        var people = (await connection.QueryAsync<(Guid Id, Guid? ClientId)>(
            "SELECT id, client_id FROM person_projection WHERE client_id IS NOT NULL ORDER BY last_name, first_name, id")).ToList();
        var ofPartner = people.Where(p => p.ClientId == partnerClient).Select(p => p.Id).ToList();
        var others = people.Where(p => p.ClientId != partnerClient).Select(p => p.Id).ToList();
        var clients = people.Select(p => p.ClientId!.Value).Distinct().Take(5).ToList();

        // Two in three demo people said yes to news about trainings, so an invitation reaches someone.
        foreach (var person in people.Where((_, i) => i % 3 != 2).Select(p => p.Id))
        {
            Check(await grains.GetGrain<IPersonConsentsGrain>(person).RecordAsync(ConsentPurpose.Marketing, true, "formularz papierowy (dane demonstracyjne)", Actor), "consent");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        await OrderAsync("Obsługa klienta w systemie CRM — warsztaty", 0, today.AddDays(14), days: 2, capacity: 12, trainer,
            OrderVisibility.Public, [], "enrolment", [.. ofPartner.Take(2), .. others.Take(6)]);
        await OrderAsync("Sprzedaż relacyjna w praktyce", 1, today.AddDays(21), days: 1, capacity: 3, trainer,
            OrderVisibility.Public, [], "enrolment", [.. others.Skip(6).Take(5)]);
        await OrderAsync("Ochrona danych osobowych (RODO) w urzędzie", 2, today.AddDays(10), days: 1, capacity: 20, null,
            OrderVisibility.Restricted, [.. clients, .. partnerClient is { } p ? [p] : Array.Empty<Guid>()], "enrolment", [.. others.Skip(11).Take(4)]);
        await OrderAsync("Segmentacja klientów i kampanie e-mail", 3, today.AddDays(35), days: 1, capacity: 15, trainer,
            OrderVisibility.Public, [], "announced", []);
        var delivered = await OrderAsync("Raportowanie w CRM — od danych do decyzji", 0, today.AddDays(-8), days: 2, capacity: 10, trainer,
            OrderVisibility.Public, [], "delivered", [.. ofPartner.Skip(2).Take(2), .. others.Skip(15).Take(6)]);
        await RecordAttendanceAsync(delivered);
        await OrderAsync("Zarządzanie lejkiem sprzedaży", 4, today.AddDays(-30), days: 1, capacity: 10, trainer,
            OrderVisibility.Public, [], "settled", [.. others.Skip(21).Take(5)]);
        await OrderAsync("Kurs przygotowawczy do walidacji „Prowadzenie sprzedaży z wykorzystaniem CRM”", 0, today.AddDays(45), days: 3, capacity: 16, trainer,
            OrderVisibility.Hidden, [], "draft", []);
    }

    /// <summary>The demo assessor is also a person of the CRM who leads trainings.</summary>
    private async Task<Guid> SeedTrainerAsync()
    {
        var person = new Guid("5f0c8a3e-00aa-4b1a-9c6d-2e7f8a9b0c1d");
        Check(await grains.GetGrain<IPersonGrain>(person).CreateAsync(
            new PersonDetails("Piotr", "Asesorski", "asesor@demo.pl", "+48 600 300 400", null, null, null, "Trener, asesor walidacji")), "trainer");
        if (await users.FindByEmailAsync("asesor@demo.pl") is { } assessor)
        {
            await users.UpdateAsync(assessor.Id, new AccountDetails(assessor.Email, assessor.DisplayName, assessor.Roles, assessor.ClientId, false, person), null);
        }

        return person;
    }

    private async Task<Guid> OrderAsync(
        string title, int location, DateOnly first, int days, int capacity, Guid? trainer, OrderVisibility visibility, IReadOnlyList<Guid> visibleTo,
        string phase, IReadOnlyList<Guid> participants)
    {
        var id = Guid.NewGuid();
        var order = grains.GetGrain<ITrainingOrderGrain>(id);
        var meetings = Enumerable.Range(0, days).Select(d => new TrainingMeeting(first.AddDays(d), new TimeOnly(9, 0), new TimeOnly(15, 0))).ToList();
        Check(await order.CreateAsync(
            OrderTypes.DefaultId,
            new OrderDetails(title, "Zajęcia praktyczne przy komputerach, materiały w cenie.", meetings, Locations[location].Id, trainer, 390m, capacity, visibility, visibleTo),
            Actor), title);
        foreach (var person in participants)
        {
            Check((await order.EnrolAsync(person, EnrolmentSource.Office, null, Actor)).Result, title);
        }

        foreach (var step in PathTo(phase))
        {
            Check(await order.MoveToAsync(step, Actor), title);
        }

        return id;
    }

    private async Task RecordAttendanceAsync(Guid id)
    {
        var order = grains.GetGrain<ITrainingOrderGrain>(id);
        var snapshot = (await order.GetAsync())!;
        var enrolled = snapshot.Enrolments.Where(e => e.Status == EnrolmentStatus.Enrolled).Select(e => e.PersonId).ToList();
        Check(await order.RecordAttendanceAsync(snapshot.Details.Meetings[0].Date, enrolled, Actor), "attendance");
        // One participant missed the second day: below 80 % of the hours, no certificate.
        Check(await order.RecordAttendanceAsync(snapshot.Details.Meetings[1].Date, [.. enrolled.Skip(1)], Actor), "attendance");
    }

    private static IEnumerable<string> PathTo(string phase) => phase switch
    {
        "draft" => [],
        "announced" => ["announced"],
        "enrolment" => ["enrolment"],
        "delivered" => ["enrolment", "closed", "delivered"],
        "settled" => ["enrolment", "closed", "delivered", "settled"],
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    private static void Check(Common.CommandResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo {what} was rejected: {string.Join(", ", result.Errors)}");
        }
    }
}
