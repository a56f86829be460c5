using Certification.Common;
using Certification.Crm;
using Dapper;
using Npgsql;

namespace Certification.Portal.DemoData;

/// <summary>
/// The demo of histories: people whose careers span years (a promotion, a move to another client, someone
/// who left) and the office's calls, meetings and notes about people and clients, so the employment and
/// contact history pages show what they are for on the first visit.
/// </summary>
public sealed class CrmHistoryDemo(IGrainFactory grains, NpgsqlDataSource dataSource, ContactNotes notes, TimeProvider clock)
{
    private const string Actor = "demo";

    public async Task SeedAsync()
    {
        var today = PolishDate.Of(clock.GetUtcNow());
        await using var connection = await dataSource.OpenConnectionAsync();
        var clients = (await connection.QueryAsync<(Guid Id, string Name)>(
            "SELECT id, name FROM client_projection WHERE kind IN (1, 2) ORDER BY name, id LIMIT 4")).ToList();
        if (clients.Count < 4)
        {
            return;
        }

        var (gmina, other, powiat, last) = (clients[0].Id, clients[1].Id, clients[2].Id, clients[3].Id);

        // Promoted twice in one office: three records at the same client.
        var promoted = await PersonAsync(new Guid("5f0c8a3e-00b1-4b1a-9c6d-2e7f8a9b0c1d"), "Agnieszka", "Awansowa", "agnieszka.awansowa@example.pl");
        await JobAsync(promoted, gmina, "Urząd", "Referent", today.AddYears(-6));
        await JobAsync(promoted, gmina, "Urząd", "Inspektor", today.AddYears(-3).AddMonths(2));
        await JobAsync(promoted, gmina, "Urząd", "Kierownik referatu", today.AddMonths(-8));

        // Moved from one municipality to a county office: the first client keeps her in its past staff.
        var moved = await PersonAsync(new Guid("5f0c8a3e-00b2-4b1a-9c6d-2e7f8a9b0c1d"), "Beata", "Przeniesiona", "beata.przeniesiona@example.pl");
        await JobAsync(moved, other, "Ośrodek Pomocy Społecznej", "Specjalista ds. obsługi klienta", today.AddYears(-4));
        await JobAsync(moved, powiat, "Urząd", "Koordynator projektu", today.AddYears(-1).AddMonths(-3));

        // Left her job: no current employer, her records stay with the client's history.
        var left = await PersonAsync(new Guid("5f0c8a3e-00b3-4b1a-9c6d-2e7f8a9b0c1d"), "Celina", "Odchodząca", "celina.odchodzaca@example.pl");
        await JobAsync(left, last, "Urząd", "Sekretarz", today.AddYears(-5));
        var snapshot = (await grains.GetGrain<IPersonGrain>(left).GetAsync())!;
        Check(await grains.GetGrain<IPersonGrain>(left).LeaveAsync(snapshot.Version, today.AddMonths(-2), ClientScope.All, Actor), "leaving");

        var now = clock.GetUtcNow();
        await NoteAsync("5f0c8a3e-00c1", ContactNoteKind.Call, now.AddDays(-40), promoted, gmina,
            "Rozmowa o potrzebach szkoleniowych referatu: 4 osoby chętne na warsztaty z obsługi CRM w przyszłym kwartale.");
        await NoteAsync("5f0c8a3e-00c2", ContactNoteKind.Meeting, now.AddDays(-12), promoted, gmina,
            "Spotkanie w urzędzie: omówiona oferta szkoleń zamkniętych i termin walidacji dla dwóch pracowników.");
        await NoteAsync("5f0c8a3e-00c3", ContactNoteKind.Note, now.AddDays(-3), moved, powiat,
            "Nowa osoba kontaktowa w starostwie po zmianie pracy — prosi o zaproszenia na szkolenia z RODO.");
        await NoteAsync("5f0c8a3e-00c4", ContactNoteKind.Call, now.AddDays(-20), null, other,
            "Sekretariat potwierdził, że faktury za szkolenia mają trafiać na adres ośrodka pomocy społecznej.");
    }

    private async Task<Guid> PersonAsync(Guid id, string firstName, string lastName, string email)
    {
        Check(await grains.GetGrain<IPersonGrain>(id).CreateAsync(
            new PersonDetails(firstName, lastName, email, null, null, null, null, null), ClientScope.All, Actor), lastName);
        return id;
    }

    private async Task JobAsync(Guid person, Guid client, string unit, string position, DateOnly from)
    {
        var grain = grains.GetGrain<IPersonGrain>(person);
        var snapshot = (await grain.GetAsync())!;
        Check(await grain.ChangeJobAsync(snapshot.Version, client, unit, position, from, ClientScope.All, Actor), position);
    }

    private async Task NoteAsync(string id, ContactNoteKind kind, DateTimeOffset at, Guid? person, Guid client, string text) =>
        Check(await notes.AddAsync(new ContactNote(new Guid($"{id}-4b1a-9c6d-2e7f8a9b0c1d"), kind, at, person, client, text, "Tomasz Szkoleniowy"), ClientScope.All), "note");

    private static void Check(CommandResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo {what} was rejected: {string.Join(", ", result.Errors)}");
        }
    }
}
