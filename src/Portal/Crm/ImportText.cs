using System.Globalization;
using Certification.Crm.Import;
using Certification.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Crm;

/// <summary>The words of the import pages: column names in the user's language, and problems as sentences.</summary>
public sealed class ImportText(IStringLocalizer<SharedResource> text, ErrorText errors)
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string ColumnName(ImportColumn column) => English ? column.English : column.Polish;

    /// <summary>The column a problem concerns; the grain reports the organisation as ClientId, the file has its NIP.</summary>
    public static string? ColumnOf(ImportKind kind, string field)
    {
        var wanted = field == "ClientId" ? "OrganisationNip" : field;
        return ImportColumns.For(kind).FirstOrDefault(c => c.Field == wanted) is { } column ? ColumnName(column) : null;
    }

    public string Problem(ImportProblem problem) => problem.Code switch
    {
        ImportValidation.Repeated => string.Format(CultureInfo.CurrentCulture, text["Ta wartość powtarza się w pliku (wiersz {0})."], problem.OtherLine),
        ImportValidation.EmailTaken => text["Osoba z tym adresem e-mail już jest w CRM."],
        ImportValidation.PeselTaken => text["Osoba z tym numerem PESEL już jest w CRM."],
        ImportValidation.NameTaken => text["W tej organizacji jest już osoba o tym imieniu i nazwisku."],
        ImportValidation.KindUnknown => text["Nieznany rodzaj klienta: wpisz gmina, powiat, firma lub organizacja pozarządowa."],
        ImportValidation.OrganisationUnknown => text["W CRM nie ma klienta z tym numerem NIP. Najpierw zaimportuj lub dodaj organizację."],
        _ => errors.For(problem.Code),
    };

    public string File(string code, string? detail) => code switch
    {
        ImportFile.WrongType => text["Wybierz plik CSV (.csv) lub Excel (.xlsx)."],
        ImportFile.Empty => text["Plik jest pusty."],
        ImportFile.TooLarge => text["Plik jest za duży (najwięcej 5 MB)."],
        ImportFile.TooManyRows => string.Format(CultureInfo.CurrentCulture, text["Plik ma za dużo wierszy (najwięcej {0})."], ImportFile.MaxRows),
        ImportFile.NotUtf8 => text["Plik CSV musi być zapisany w kodowaniu UTF-8."],
        ImportFile.Unreadable => text["Nie udało się odczytać pliku. Sprawdź, czy nie jest uszkodzony."],
        ImportFile.MissingColumns => string.Format(CultureInfo.CurrentCulture, text["W pliku brakuje kolumn: {0}."], detail),
        ImportFile.UnknownColumn => string.Format(CultureInfo.CurrentCulture, text["Nieznana kolumna „{0}”. Porównaj nagłówki z szablonem."], detail),
        ImportFile.RepeatedColumn => string.Format(CultureInfo.CurrentCulture, text["Kolumna „{0}” występuje w pliku dwa razy."], detail),
        ImportFile.NoRows => text["Plik nie zawiera żadnego wiersza z danymi."],
        _ => code,
    };

    public string Kind(ImportKind kind) => kind == ImportKind.Clients ? text["Klienci"] : text["Osoby"];

    public string Status(ImportStatus status) => status switch
    {
        ImportStatus.Prepared => text["Sprawdzony, niezatwierdzony"],
        ImportStatus.Committing => text["Przerwany: zatwierdź ponownie"],
        _ => text["Zaimportowany"],
    };
}
