using System.Collections.Immutable;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sheet;

/// <summary>
/// Writes the task sheet from the scenario's exercise: every task names the concrete records of the scenario it is
/// about and the criteria it serves; together the tasks cover every practical criterion of sets 1 and 2.
/// </summary>
public static class TaskSheetWriter
{
    public static TaskSheet Write(Scenario scenario)
    {
        var s = scenario.InitialState();
        var x = scenario.Exercise;
        var main = s.FindPipeline(x.StageReport.PipelineId)!;
        var tasks = new List<SheetTask>
        {
            NewAccounts(x),
            Fixes(s, x),
            Segment(x),
            Pipeline(x),
            StageAssignments(s, x),
            Schedule(s, x),
            Priorities(s, x),
            TaskList(x),
            Questions("Stan realizacji zadań", "2.1.3", x),
            Questions("Wartość szans na etapach", "2.1.4", x),
            Opportunities(s, x, main),
            Stages(s, x),
            Closing(s, x),
            Reports(x, main),
            Offer(s, x),
        };

        return new TaskSheet(
            scenario.Seed,
            $"Arkusz zadań — {scenario.Seller.Name}",
            $"Wykonaj zadania w systemie CRM w dowolnej kolejności. Dziś jest {PlFormat.DayAndDate(scenario.ReferenceDate)}. " +
            "Przy każdym zadaniu podano kryteria weryfikacji, których dotyczy. Odpowiedzi na pytania wpisz w arkuszu.",
            [.. tasks.Select((t, i) => t with { Number = PlFormat.Count(i + 1) })]);
    }

    private static SheetTask Task(string title, string introduction, IEnumerable<string> steps, IEnumerable<string> criteria, IEnumerable<SheetQuestion>? questions = null) =>
        new("", title, introduction, [.. steps], [.. criteria], [.. questions ?? []]);

    private static SheetTask NewAccounts(Exercise x) => Task(
        "Nowi klienci",
        "Po targach branżowych masz wizytówki dwóch firm. Załóż dla każdej konto klienta ze wszystkimi danymi i dodaj osobę kontaktową.",
        x.NewAccounts.Select(n =>
            $"{n.Data.Name}: NIP {n.Data.Nip}, {n.Data.Street}, {n.Data.PostalCode} {n.Data.City} (woj. {n.Data.Voivodeship}), branża: {n.Data.Industry}, " +
            $"tel. {n.Data.Phone}, e-mail {n.Data.Email}, strona {n.Data.Website}, liczba pracowników: {PlFormat.Count(n.Data.Employees ?? 0)}, " +
            $"status: {Labels.Of(n.Data.Status)}. Osoba kontaktowa: {n.Contact.FirstName} {n.Contact.LastName}, {n.Contact.Position}, " +
            $"e-mail {n.Contact.Email}, tel. {n.Contact.Phone}."),
        ["1.2.2", "1.2.3"]);

    private static SheetTask Fixes(SandboxState s, Exercise x)
    {
        var steps = x.AccountFixes.Select(f =>
            $"Klient „{s.AccountName(f.AccountId)}”: {f.Reason} — wpisz: {string.Join(", ", f.Fields.Select(e => $"{e.Label.ToLowerInvariant()}: {e.Value}"))}.").ToList();
        steps.AddRange(x.ContactFixes.Select(f =>
        {
            var contact = s.FindContact(f.ContactId)!;
            return $"Osoba kontaktowa {contact.Data.FirstName} {contact.Data.LastName} (klient „{s.AccountName(contact.AccountId)}”): {f.Reason} — wpisz: " +
                $"{string.Join(", ", f.Fields.Select(e => $"{e.Label.ToLowerInvariant()}: {e.Value}"))}.";
        }));
        return Task("Aktualizacja danych klientów", "Dział obsługi klienta przekazał informacje o zmianach u klientów. Zaktualizuj i uzupełnij ich dane w CRM.", steps, ["1.2.5"]);
    }

    private static SheetTask Segment(Exercise x) => Task(
        "Segmentacja klientów",
        $"Cel sprzedaży: {x.Segment.Purpose}. Kampania jest skierowana do klientów z branży „{x.Segment.Industry}” z województwa {PlText.Genitive(x.Segment.Voivodeship)}.",
        [
            $"Zapisz w CRM segment „{x.Segment.Name}” (filtr klientów): branża „{x.Segment.Industry}”, województwo {x.Segment.Voivodeship}, " +
            $"bez byłych klientów (status „{Labels.Of(x.Segment.ExcludedStatus)}”). Wpisz cel segmentu.",
        ],
        ["1.2.4"]);

    private static SheetTask Pipeline(Exercise x) => Task(
        "Nowy lejek sprzedaży",
        $"Firma rozpoczyna sprzedaż w formie: {x.Pipeline.FormOfSale}. Potrzebny jest osobny lejek sprzedaży.",
        [$"Utwórz w CRM lejek „{x.Pipeline.Name}” z etapami w tej kolejności: {string.Join(" → ", x.Pipeline.Stages)}."],
        ["2.2.3"]);

    private static SheetTask StageAssignments(SandboxState s, Exercise x) => Task(
        "Zadania w etapach sprzedaży",
        $"Kilka zadań związanych z szansami nie jest przypisanych do etapów lejka „{s.FindPipeline(x.StageReport.PipelineId)!.Name}”. Przypisz je.",
        x.StageAssignments.Select(a =>
        {
            var task = s.FindTask(a.TaskId)!;
            return $"Zadanie „{task.Data.Title}” (szansa „{s.FindOpportunity(task.Data.OpportunityId)?.Details.Name}”) → etap „{s.StageName(a.StageId)}”.";
        }),
        ["2.2.4"]);

    private static SheetTask Schedule(SandboxState s, Exercise x)
    {
        var opportunity = s.FindOpportunity(x.Schedule.OpportunityId)!;
        var account = s.FindAccount(opportunity.Details.AccountId)!;
        return Task(
            "Harmonogram zadań",
            $"Szansa „{opportunity.Details.Name}” (klient „{account.Data.Name}”, {Labels.Of(account.Data.Kind).ToLowerInvariant()}, branża: {account.Data.Industry}) " +
            $"jest na etapie „{s.StageName(opportunity.StageId)}”; planowane zamknięcie: {PlFormat.Date(x.Schedule.To)}.",
            [
                $"Zaplanuj harmonogram dalszej sprzedaży: dodaj zadania powiązane z tą szansą, po jednym dla etapów: " +
                $"{string.Join(", ", x.Schedule.StageIds.Select(id => "„" + s.StageName(id) + "”"))}; każde przypisz do jego etapu.",
                $"Terminy zadań ustal między {PlFormat.Date(x.Schedule.From)} a {PlFormat.Date(x.Schedule.To)}, w kolejności etapów.",
            ],
            ["2.2.5"]);
    }

    private static SheetTask Priorities(SandboxState s, Exercise x) => Task(
        "Priorytety zadań",
        "Ustal priorytety zadań zespołu.",
        x.Priorities.Select(p => $"Zadanie „{s.FindTask(p.TaskId)!.Data.Title}”: priorytet „{Labels.Of(p.Priority)}” — {p.Reason}."),
        ["2.1.2"]);

    private static SheetTask TaskList(Exercise x) => Task(
        "Lista zadań na tydzień",
        "Przygotuj plan pracy na przyszły tydzień.",
        [$"Utwórz w CRM listę zadań „{x.TaskList.Name}” obejmującą wszystkie zadania z terminem od {PlFormat.Date(x.TaskList.From)} do {PlFormat.Date(x.TaskList.To)}."],
        ["2.1.1"]);

    private static SheetTask Questions(string title, string criterion, Exercise x) => Task(
        title,
        "Odczytaj z CRM i wpisz odpowiedzi w arkuszu (liczy się stan CRM w chwili udzielenia odpowiedzi).",
        [],
        [criterion],
        x.Questions.Where(q => q.CriterionId == criterion).Select(q => new SheetQuestion(q.Id, q.Text)));

    private static SheetTask Opportunities(SandboxState s, Exercise x, Pipeline main)
    {
        var created = x.NewOpportunity;
        var revalued = s.FindOpportunity(x.ValueChange.OpportunityId)!;
        var reassigned = s.FindOpportunity(x.Reassign.OpportunityId)!;
        var contact = s.FindContact(x.Reassign.RightContactId)!;
        return Task(
            "Szanse sprzedaży",
            "Wprowadź i popraw szanse sprzedaży.",
            [
                $"Dodaj szansę „{created.Name}” dla nowego klienta „{x.NewAccounts[created.NewAccountIndex].Data.Name}” (zadanie 1): wartość {PlFormat.Money(created.Value)}, " +
                $"lejek „{main.Name}”, etap „{s.StageName(created.StageId)}”, planowane zamknięcie {PlFormat.Date(created.ExpectedClose)}.",
                $"Szansa „{revalued.Details.Name}”: {x.ValueChange.Reason} — zmień jej wartość z {PlFormat.Money(x.ValueChange.OldValue)} na {PlFormat.Money(x.ValueChange.NewValue)}.",
                $"Szansa „{reassigned.Details.Name}” jest omyłkowo przypisana do klienta „{s.AccountName(x.Reassign.WrongAccountId)}”: przypisz ją do klienta " +
                $"„{s.AccountName(x.Reassign.RightAccountId)}” (osoba kontaktowa: {contact.Data.FirstName} {contact.Data.LastName}).",
            ],
            ["2.5.1", "2.5.3", "2.5.5"]);
    }

    private static SheetTask Stages(SandboxState s, Exercise x)
    {
        var withActivities = s.FindOpportunity(x.Activities.OpportunityId)!;
        var steps = new List<string>
        {
            $"Szansa „{withActivities.Details.Name}” jest na etapie „{s.StageName(x.Activities.StageId)}”: wprowadź co najmniej {PlFormat.Count(x.Activities.MinCount)} " +
            $"czynności konieczne do zamknięcia tego etapu (np. {string.Join(", ", x.Activities.Examples.Select(e => e.ToLowerInvariant()))}) i oznacz je jako wykonane.",
        };
        steps.AddRange(x.Moves.Select(m =>
            $"Przenieś szansę „{s.FindOpportunity(m.OpportunityId)!.Details.Name}” z etapu „{s.StageName(m.FromStageId)}” do etapu „{s.StageName(m.ToStageId)}”."));
        return Task("Czynności i etapy szans", "Prowadź szanse przez kolejne etapy lejka.", steps, ["2.5.2", "2.5.4"]);
    }

    private static SheetTask Closing(SandboxState s, Exercise x) => Task(
        "Zamknięcie szans",
        "Klienci podjęli decyzje.",
        x.Closes.Select(c => c.Won
            ? $"Szansa „{s.FindOpportunity(c.OpportunityId)!.Details.Name}”: {c.Reason} — oznacz ją jako wygraną."
            : $"Szansa „{s.FindOpportunity(c.OpportunityId)!.Details.Name}”: {c.Reason.ToLowerInvariant()} — oznacz ją jako przegraną i wpisz przyczynę."),
        ["2.5.6"]);

    private static SheetTask Reports(Exercise x, Pipeline main) => Task(
        "Raporty",
        "Kierownik sprzedaży prosi o dwa raporty.",
        [
            $"Przygotuj raport „{x.StageReport.Name}”: dane — szanse sprzedaży; pola: nazwa, klient, etap, wartość; tylko otwarte szanse lejka „{main.Name}” " +
            $"o wartości co najmniej {PlFormat.Money(x.StageReport.MinValue)}; zestawienie: suma wartości szans według etapów; " +
            "forma prezentacji odpowiednia do porównania etapów. Wyeksportuj raport do pliku CSV.",
            $"Przygotuj raport „{x.MonthlyReport.Name}”: porównanie wartości wygranych szans w kolejnych miesiącach (według daty zamknięcia); " +
            "forma prezentacji odpowiednia do pokazania zmian w czasie. Wyeksportuj raport do pliku CSV.",
        ],
        ["2.3.1", "2.3.2", "2.3.4", "2.3.5", "2.3.6"]);

    private static SheetTask Offer(SandboxState s, Exercise x)
    {
        var offer = x.Offer;
        var contact = s.FindContact(offer.ContactId)!;
        var lines = offer.Lines.Select(l =>
        {
            var product = s.FindProduct(l.ProductId)!;
            return $"{product.Name} — {PlFormat.Plain(l.Quantity)} × {product.Unit}";
        });
        return Task(
            "Oferta",
            $"Klient „{s.AccountName(offer.AccountId)}” prosi o ofertę do szansy „{s.FindOpportunity(offer.OpportunityId)!.Details.Name}”.",
            [
                $"Przygotuj szablon oferty „{offer.TemplateName}” z danymi zmiennymi w postaci tagów: nazwa klienta, imię i nazwisko osoby kontaktowej, " +
                "wartość oferty, termin ważności oferty.",
                $"Wygeneruj z tego szablonu ofertę dla: {contact.Data.FirstName} {contact.Data.LastName} („{s.AccountName(offer.AccountId)}”), pozycje: " +
                $"{string.Join("; ", lines)}; ważność {PlFormat.Count(offer.ValidDays)} dni.",
                "Wyślij ofertę do klienta i sprawdź, że wysyłka jest zapisana w historii zdarzeń klienta.",
            ],
            ["2.4.1", "2.4.2", "2.4.3", "2.4.4"]);
    }
}
