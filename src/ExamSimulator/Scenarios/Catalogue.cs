using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Scenarios;

public sealed record ProductTemplate(string Code, string Name, ProductKind Kind, string Unit, int MinPrice, int MaxPrice);

/// <summary>How the accounts of a theme split between companies, municipalities and public institutions, in per cent.</summary>
public sealed record AccountMix(int Companies, int Municipalities, int Institutions);

/// <summary>One line of business a scenario can be about: what the candidate's company sells, to whom, and the new funnel asked for.</summary>
public sealed record Theme(
    string Key,
    string SellerStem,
    string Offering,
    string Audience,
    AccountMix Mix,
    IReadOnlyList<string> Industries,
    IReadOnlyList<ProductTemplate> Products,
    string OpportunityNoun,
    PipelineSpecTemplate NewPipeline);

public sealed record PipelineSpecTemplate(string Name, string FormOfSale, IReadOnlyList<string> Stages);

public sealed record City(string Name, string Voivodeship, string PostalPrefix);

/// <summary>The fixed Polish material scenarios are made of; Bogus adds names, streets and numbers.</summary>
public static class Catalogue
{
    public const string MainPipelineName = "Sprzedaż bieżąca";

    public static IReadOnlyList<(string Name, int Probability)> MainStages { get; } =
        [("Kwalifikacja", 10), ("Analiza potrzeb", 25), ("Oferta", 50), ("Negocjacje", 75)];

    /// <summary>Activities needed to close each stage of the main pipeline, by stage.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> StageActivities { get; } =
    [
        ["Potwierdzić budżet klienta", "Ustalić osobę decyzyjną"],
        ["Spotkanie z decydentem", "Zebrać wymagania klienta", "Przeprowadzić prezentację"],
        ["Przygotować ofertę", "Omówić ofertę z klientem"],
        ["Uzgodnić warunki płatności", "Przesłać projekt umowy"],
    ];

    public static IReadOnlyList<string> LostReasons { get; } =
        ["Klient wybrał tańszą ofertę konkurencji", "Brak budżetu w tym roku", "Projekt przesunięty na kolejny rok", "Klient rozwiązał problem własnymi siłami"];

    public static IReadOnlyList<Theme> Themes { get; } =
    [
        new("crm", "Relacja Software", "system CRM w chmurze z wdrożeniem i szkoleniami", "małym i średnim firmom handlowym i usługowym",
            new AccountMix(85, 0, 15),
            ["Handel hurtowy", "Handel detaliczny", "Usługi budowlane", "Transport i logistyka", "Usługi finansowe", "Produkcja"],
            [
                new("CRM-START", "Licencja CRM Start (rok, 1 użytkownik)", ProductKind.Product, "licencja", 1200, 1800),
                new("CRM-PRO", "Licencja CRM Pro (rok, 1 użytkownik)", ProductKind.Product, "licencja", 2400, 3200),
                new("WDR-STD", "Wdrożenie standardowe", ProductKind.Service, "usługa", 6000, 9000),
                new("WDR-IMP", "Import danych z arkuszy", ProductKind.Service, "usługa", 1500, 2500),
                new("SZK-UZY", "Szkolenie użytkowników (grupa do 10 osób)", ProductKind.Service, "dzień", 2800, 3600),
                new("INT-API", "Integracja ze sklepem internetowym", ProductKind.Service, "usługa", 4000, 7000),
                new("OPI-MSC", "Opieka powdrożeniowa", ProductKind.Service, "miesiąc", 600, 900),
            ],
            "Wdrożenie CRM",
            new("Sprzedaż wdrożeń CRM", "sprzedaż bezpośrednia z prezentacją systemu u klienta",
                ["Pierwszy kontakt", "Prezentacja systemu", "Analiza przedwdrożeniowa", "Oferta i negocjacje", "Podpisanie umowy"])),
        new("druk", "Druktech Serwis", "urządzenia wielofunkcyjne w dzierżawie z serwisem", "urzędom gmin, szkołom i biurom",
            new AccountMix(45, 35, 20),
            ["Administracja publiczna", "Edukacja", "Ochrona zdrowia", "Biura rachunkowe", "Kancelarie prawne"],
            [
                new("DZR-A4", "Dzierżawa urządzenia wielofunkcyjnego A4", ProductKind.Service, "miesiąc", 150, 250),
                new("DZR-A3", "Dzierżawa urządzenia wielofunkcyjnego A3", ProductKind.Service, "miesiąc", 350, 550),
                new("SRW-KW", "Serwis z dojazdem", ProductKind.Service, "kwartał", 400, 700),
                new("TON-PAK", "Pakiet tonerów", ProductKind.Product, "komplet", 600, 1100),
                new("INS-KON", "Instalacja i konfiguracja w sieci", ProductKind.Service, "usługa", 300, 600),
                new("WYD-POD", "System wydruku podążającego", ProductKind.Product, "licencja", 2500, 4500),
            ],
            "Dzierżawa urządzeń",
            new("Zamówienia publiczne", "zamówienia publiczne jednostek samorządu",
                ["Rozpoznanie potrzeb", "Zapytanie ofertowe", "Złożenie oferty", "Wybór oferty", "Podpisanie umowy"])),
        new("bhp", "Bezpieczna Praca Szkolenia", "szkolenia BHP, pierwszej pomocy i przeciwpożarowe", "firmom produkcyjnym, budowlanym i logistycznym",
            new AccountMix(90, 0, 10),
            ["Produkcja", "Budownictwo", "Transport i logistyka", "Handel", "Przetwórstwo spożywcze"],
            [
                new("BHP-OKR", "Szkolenie okresowe BHP pracowników", ProductKind.Service, "osoba", 90, 150),
                new("BHP-WST", "Szkolenie wstępne BHP", ProductKind.Service, "osoba", 60, 110),
                new("KPP-GR", "Kurs pierwszej pomocy (grupa do 12 osób)", ProductKind.Service, "grupa", 1800, 2600),
                new("PPOZ-EW", "Szkolenie przeciwpożarowe z próbną ewakuacją", ProductKind.Service, "usługa", 1500, 2800),
                new("ORZ-ST", "Ocena ryzyka zawodowego", ProductKind.Service, "stanowisko", 150, 300),
                new("OUT-BHP", "Obsługa BHP firmy (outsourcing)", ProductKind.Service, "miesiąc", 500, 1200),
            ],
            "Szkolenia BHP",
            new("Szkolenia zamknięte dla firm", "szkolenia zamknięte w siedzibie klienta",
                ["Kontakt z działem kadr", "Diagnoza potrzeb szkoleniowych", "Propozycja programu", "Ustalenie terminów", "Zamówienie"])),
        new("wizja", "VisioNet Systemy", "systemy monitoringu wizyjnego i kontroli dostępu", "gminom, szkołom i firmom logistycznym",
            new AccountMix(50, 30, 20),
            ["Administracja publiczna", "Transport i logistyka", "Edukacja", "Handel", "Produkcja"],
            [
                new("KAM-IP", "Kamera IP zewnętrzna 4 Mpx", ProductKind.Product, "szt.", 600, 1200),
                new("NVR-16", "Rejestrator sieciowy 16 kanałów", ProductKind.Product, "szt.", 1800, 3200),
                new("MON-PKT", "Montaż punktu kamerowego", ProductKind.Service, "punkt", 250, 450),
                new("KD-CZYT", "Czytnik kontroli dostępu", ProductKind.Product, "szt.", 700, 1300),
                new("SRW-PRZ", "Przegląd serwisowy systemu", ProductKind.Service, "usługa", 800, 1500),
                new("VMS-LIC", "Oprogramowanie do zarządzania nagraniami", ProductKind.Product, "licencja", 1500, 3000),
            ],
            "Monitoring",
            new("Projekty instalacyjne", "projekty instalacyjne z wizją lokalną",
                ["Zgłoszenie potrzeby", "Wizja lokalna", "Projekt i wycena", "Negocjacje", "Zamówienie"])),
    ];

    public static IReadOnlyList<City> Cities { get; } =
    [
        new("Poznań", "wielkopolskie", "60"), new("Kórnik", "wielkopolskie", "62"), new("Gniezno", "wielkopolskie", "62"),
        new("Leszno", "wielkopolskie", "64"), new("Kalisz", "wielkopolskie", "62"), new("Piła", "wielkopolskie", "64"),
        new("Warszawa", "mazowieckie", "00"), new("Radom", "mazowieckie", "26"), new("Płock", "mazowieckie", "09"),
        new("Siedlce", "mazowieckie", "08"), new("Pruszków", "mazowieckie", "05"),
        new("Kraków", "małopolskie", "30"), new("Tarnów", "małopolskie", "33"), new("Nowy Sącz", "małopolskie", "33"),
        new("Wieliczka", "małopolskie", "32"),
        new("Wrocław", "dolnośląskie", "50"), new("Legnica", "dolnośląskie", "59"), new("Wałbrzych", "dolnośląskie", "58"),
        new("Oleśnica", "dolnośląskie", "56"),
        new("Gdańsk", "pomorskie", "80"), new("Gdynia", "pomorskie", "81"), new("Słupsk", "pomorskie", "76"), new("Kartuzy", "pomorskie", "83"),
        new("Łódź", "łódzkie", "90"), new("Piotrków Trybunalski", "łódzkie", "97"), new("Skierniewice", "łódzkie", "96"),
        new("Katowice", "śląskie", "40"), new("Gliwice", "śląskie", "44"), new("Bielsko-Biała", "śląskie", "43"), new("Rybnik", "śląskie", "44"),
        new("Lublin", "lubelskie", "20"), new("Zamość", "lubelskie", "22"), new("Puławy", "lubelskie", "24"),
        new("Rzeszów", "podkarpackie", "35"), new("Krosno", "podkarpackie", "38"), new("Mielec", "podkarpackie", "39"),
        new("Bydgoszcz", "kujawsko-pomorskie", "85"), new("Toruń", "kujawsko-pomorskie", "87"), new("Włocławek", "kujawsko-pomorskie", "87"),
        new("Szczecin", "zachodniopomorskie", "70"), new("Koszalin", "zachodniopomorskie", "75"),
        new("Olsztyn", "warmińsko-mazurskie", "10"), new("Elbląg", "warmińsko-mazurskie", "82"),
        new("Białystok", "podlaskie", "15"), new("Opole", "opolskie", "45"), new("Kielce", "świętokrzyskie", "25"),
        new("Zielona Góra", "lubuskie", "65"),
    ];

    public static IReadOnlyList<string> CompanyStems { get; } =
        ["Agro", "Bud", "Trans", "Med", "Eko", "Info", "Tech", "Pol", "Drew", "Stal", "Mar", "Inter", "Euro", "Nova", "Prim", "Omega", "Delta", "Termo"];

    public static IReadOnlyList<string> CompanySuffixes { get; } = ["ex", "pol", "mar", "tex", "bud", "max", "net", "lux", "san", "com"];

    public static IReadOnlyList<string> CompanyPositions { get; } =
        ["Prezes zarządu", "Dyrektor handlowy", "Kierownik zakupów", "Specjalista ds. zakupów", "Kierownik biura", "Kierownik działu IT", "Dyrektor operacyjny"];

    public static IReadOnlyList<string> PublicPositions { get; } =
        ["Sekretarz", "Skarbnik", "Kierownik referatu inwestycji", "Informatyk", "Kierownik administracji", "Specjalista ds. zamówień publicznych"];

    public static IReadOnlyList<string> PromotedPositions { get; } =
        ["Dyrektor zakupów", "Kierownik działu administracji", "Dyrektor finansowy", "Zastępca dyrektora"];

    /// <summary>Task titles of the team; {0} is the account, {1} the contact person (no declension needed).</summary>
    public static IReadOnlyList<string> TaskTitles { get; } =
    [
        "Telefon: {1}, {0}",
        "Materiały informacyjne: {0}",
        "Prezentacja u klienta: {0}",
        "Spotkanie: {1}, {0}",
        "Kalkulacja dla klienta: {0}",
        "Potwierdzenie terminu realizacji: {0}",
        "Kontrola płatności: {0}",
        "Podsumowanie spotkania: {0}",
        "Referencje: {0}",
        "Ankieta satysfakcji: {0}",
    ];

    public static IReadOnlyList<string> FemaleNames { get; } =
    [
        "Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna", "Aleksandra", "Monika",
        "Dorota", "Beata", "Justyna", "Marta", "Karolina", "Natalia", "Paulina", "Iwona", "Renata", "Sylwia",
    ];

    public static IReadOnlyList<string> MaleNames { get; } =
    [
        "Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Marcin", "Jakub", "Adam", "Łukasz", "Marek",
        "Grzegorz", "Rafał", "Dariusz", "Wojciech", "Maciej", "Kamil", "Jacek", "Andrzej", "Robert", "Mariusz",
    ];

    public static IReadOnlyList<string> Streets { get; } =
    [
        "Długa", "Polna", "Leśna", "Słoneczna", "Krótka", "Szkolna", "Ogrodowa", "Lipowa", "Brzozowa", "Łąkowa", "Kwiatowa",
        "Kościelna", "Sosnowa", "Zielona", "Parkowa", "Mickiewicza", "Kościuszki", "Słowackiego", "Sienkiewicza", "Kolejowa",
        "Przemysłowa", "Fabryczna", "Rzemieślnicza", "Handlowa", "Poznańska", "Warszawska", "Wrocławska", "Gdańska", "Piłsudskiego",
        "Reymonta", "Chopina", "Kopernika", "Wiosenna", "Okrężna", "Spacerowa",
    ];
}
