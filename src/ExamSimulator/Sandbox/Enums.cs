namespace Certification.ExamSimulator.Sandbox;

public enum AccountKind
{
    Company = 1,
    Municipality = 2,
    Institution = 3,
}

public enum AccountStatus
{
    Prospect = 1,
    Customer = 2,
    Former = 3,
}

public enum AccountEventKind
{
    Note = 1,
    Call = 2,
    Meeting = 3,
    Email = 4,
    OfferSent = 5,
    OpportunityWon = 6,
    OpportunityLost = 7,
}

public enum OpportunityStatus
{
    Open = 1,
    Won = 2,
    Lost = 3,
}

public enum OpportunityChangeKind
{
    Created = 1,
    Edited = 2,
    Moved = 3,
    Won = 4,
    Lost = 5,
    Reopened = 6,
}

public enum TaskPriority
{
    Low = 1,
    Normal = 2,
    High = 3,
    Urgent = 4,
}

public enum CrmTaskStatus
{
    ToDo = 1,
    InProgress = 2,
    Done = 3,
}

public enum ProductKind
{
    Product = 1,
    Service = 2,
}

/// <summary>The Polish words the UI, the task sheet and the evidence use for the enumerations.</summary>
public static class Labels
{
    public static string Of(AccountKind kind) => kind switch
    {
        AccountKind.Company => "Firma",
        AccountKind.Municipality => "Gmina",
        AccountKind.Institution => "Instytucja",
        _ => kind.ToString(),
    };

    public static string Of(AccountStatus status) => status switch
    {
        AccountStatus.Prospect => "Potencjalny",
        AccountStatus.Customer => "Aktywny klient",
        AccountStatus.Former => "Były klient",
        _ => status.ToString(),
    };

    public static string Of(AccountEventKind kind) => kind switch
    {
        AccountEventKind.Note => "Notatka",
        AccountEventKind.Call => "Rozmowa telefoniczna",
        AccountEventKind.Meeting => "Spotkanie",
        AccountEventKind.Email => "E-mail",
        AccountEventKind.OfferSent => "Wysłana oferta",
        AccountEventKind.OpportunityWon => "Wygrana szansa",
        AccountEventKind.OpportunityLost => "Przegrana szansa",
        _ => kind.ToString(),
    };

    public static string Of(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Open => "Otwarta",
        OpportunityStatus.Won => "Wygrana",
        OpportunityStatus.Lost => "Przegrana",
        _ => status.ToString(),
    };

    public static string Of(TaskPriority priority) => priority switch
    {
        TaskPriority.Low => "Niski",
        TaskPriority.Normal => "Normalny",
        TaskPriority.High => "Wysoki",
        TaskPriority.Urgent => "Pilny",
        _ => priority.ToString(),
    };

    public static string Of(CrmTaskStatus status) => status switch
    {
        CrmTaskStatus.ToDo => "Do zrobienia",
        CrmTaskStatus.InProgress => "W toku",
        CrmTaskStatus.Done => "Zakończone",
        _ => status.ToString(),
    };

    public static string Of(ProductKind kind) => kind switch
    {
        ProductKind.Product => "Produkt",
        ProductKind.Service => "Usługa",
        _ => kind.ToString(),
    };
}
