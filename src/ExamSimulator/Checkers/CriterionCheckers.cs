namespace Certification.ExamSimulator.Checkers;

/// <summary>
/// A checker for every practical criterion of sets 1 and 2 (the criteria verified by simulation). Each reads the
/// sandbox state and the action log, never the UI, and says in Polish what it saw; the assessors grade, the checkers
/// show them where to look.
/// </summary>
public static partial class CriterionCheckers
{
    public static IReadOnlyList<CriterionChecker> All { get; } =
    [
        new("1.2.2", "Tworzy konta klientów w systemie CRM", CreatesAccounts),
        new("1.2.3", "Wprowadza dane klientów do systemu CRM", EntersCustomerData),
        new("1.2.4", "Dokonuje segmentacji klientów zgodnie z określonymi celami sprzedaży oraz rodzajem oferowanego produktu/usługi", SegmentsCustomers),
        new("1.2.5", "Aktualizuje i uzupełnia dane klientów", UpdatesCustomerData),
        new("2.1.1", "Tworzy listy zadań do wykonania w określonym przedziale czasu", CreatesTaskLists),
        new("2.1.2", "Określa priorytety dla poszczególnych zadań", SetsPriorities),
        new("2.1.3", "Odczytuje z systemu CRM stopień realizacji poszczególnych zadań", ReadsTaskCompletion),
        new("2.1.4", "Odczytuje z systemu CRM wartości szans sprzedaży na poszczególnych etapach", ReadsStageValues),
        new("2.2.3", "Wprowadza etapy sprzedaży do systemu CRM", EntersStages),
        new("2.2.4", "Przypisuje zadania do poszczególnych etapów sprzedaży w systemie CRM", AssignsTasksToStages),
        new("2.2.5", "Ustala harmonogram realizacji zadań w zależności od specyfiki klienta, rodzaju oferowanego produktu/usługi oraz formy sprzedaży", SetsSchedule),
        new("2.3.1", "Dobiera dane do zapytania", ChoosesData),
        new("2.3.2", "Filtruje dane według zadanych kryteriów", FiltersData),
        new("2.3.4", "Tworzy zestawienia i porównania danych", SummarisesData),
        new("2.3.5", "Dobiera formę prezentacji danych do celu prezentacji i zakresu danych", ChoosesPresentation),
        new("2.3.6", "Generuje raporty w systemie CRM według wskazanych kryteriów", GeneratesReports),
        new("2.4.1", "Przygotowuje szablon oferty", PreparesTemplate),
        new("2.4.2", "Wprowadza do szablonu dane zmienne w postaci tagów", UsesTags),
        new("2.4.3", "Generuje ofertę skierowaną do określonego odbiorcy w oparciu o rekordy bazy danych", GeneratesOffer),
        new("2.4.4", "Wysyła wygenerowany dokument do adresata i rejestruje operację w historii zdarzeń z klientem", SendsOffer),
        new("2.5.1", "Dodaje i edytuje szanse sprzedaży", AddsAndEditsOpportunities),
        new("2.5.2", "Wprowadza czynności konieczne do zamknięcia etapu sprzedaży", EntersStageActivities),
        new("2.5.3", "Przypisuje szansie sprzedaży określoną wartość i etap", AssignsValueAndStage),
        new("2.5.4", "Przenosi szansę sprzedaży do kolejnych etapów", MovesOpportunities),
        new("2.5.5", "Przypisuje szansę sprzedaży do konkretnego kontrahenta", AssignsAccount),
        new("2.5.6", "Oznacza szanse jako wygrane lub stracone", ClosesOpportunities),
    ];

    public static IReadOnlyList<CriterionVerdict> Run(CheckContext context) => [.. All.Select(c => c.Run(context))];
}
