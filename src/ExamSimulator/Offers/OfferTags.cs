namespace Certification.ExamSimulator.Offers;

/// <summary>A tag a template can use, with what it puts into the offer, for the template editor's tag picker.</summary>
public sealed record OfferTag(string Path, string Description);

/// <summary>
/// The variable data an offer template can hold, as Liquid tags with Polish names: <c>{{ klient.nazwa }}</c>; the
/// lines are a list, <c>{% for p in pozycje %}{{ p.nazwa }}{% endfor %}</c>. Every value is text already formatted the
/// Polish way ("12 300,00 zł", "09.03.2026").
/// </summary>
public static class OfferTags
{
    public const string LinesRoot = "pozycje";

    public static IReadOnlyList<OfferTag> All { get; } =
    [
        new("sprzedawca.nazwa", "Nazwa naszej firmy"),
        new("sprzedawca.nip", "NIP naszej firmy"),
        new("sprzedawca.adres", "Adres naszej firmy"),
        new("sprzedawca.telefon", "Telefon naszej firmy"),
        new("sprzedawca.email", "E-mail naszej firmy"),
        new("sprzedawca.www", "Strona WWW naszej firmy"),
        new("klient.nazwa", "Nazwa klienta"),
        new("klient.nip", "NIP klienta"),
        new("klient.adres", "Ulica i numer klienta"),
        new("klient.kod_pocztowy", "Kod pocztowy klienta"),
        new("klient.miejscowosc", "Miejscowość klienta"),
        new("klient.branza", "Branża klienta"),
        new("kontakt.imie", "Imię osoby kontaktowej"),
        new("kontakt.nazwisko", "Nazwisko osoby kontaktowej"),
        new("kontakt.imie_nazwisko", "Imię i nazwisko osoby kontaktowej"),
        new("kontakt.stanowisko", "Stanowisko osoby kontaktowej"),
        new("kontakt.email", "E-mail osoby kontaktowej"),
        new("kontakt.telefon", "Telefon osoby kontaktowej"),
        new("szansa.nazwa", "Nazwa szansy sprzedaży"),
        new("szansa.wartosc", "Wartość szansy sprzedaży"),
        new("szansa.etap", "Etap szansy sprzedaży"),
        new("oferta.numer", "Numer oferty"),
        new("oferta.data", "Data wystawienia oferty"),
        new("oferta.wazna_do", "Termin ważności oferty"),
        new("oferta.dni_waznosci", "Liczba dni ważności oferty"),
        new("oferta.suma_netto", "Wartość netto oferty"),
        new("oferta.suma_vat", "Kwota VAT oferty"),
        new("oferta.suma_brutto", "Wartość brutto oferty"),
        new("oferta.liczba_pozycji", "Liczba pozycji oferty"),
        new(LinesRoot, "Lista pozycji oferty (do pętli for)"),
    ];

    /// <summary>The members of one line inside <c>{% for p in pozycje %}</c>.</summary>
    public static IReadOnlyList<OfferTag> Line { get; } =
    [
        new("kod", "Kod produktu"),
        new("nazwa", "Nazwa produktu lub usługi"),
        new("ilosc", "Ilość"),
        new("jednostka", "Jednostka"),
        new("cena", "Cena jednostkowa netto"),
        new("rabat", "Rabat (%)"),
        new("netto", "Wartość netto"),
        new("stawka_vat", "Stawka VAT"),
        new("vat", "Kwota VAT"),
        new("brutto", "Wartość brutto"),
    ];

    public static bool IsKnown(string path) => All.Any(t => t.Path == path);

    public static bool IsLineMember(string member) => Line.Any(t => t.Path == member);
}
