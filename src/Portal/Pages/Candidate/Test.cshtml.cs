using System.Security.Claims;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Candidate;

/// <summary>
/// The shell of the candidate's test: the questions themselves arrive over the hub, which checks that
/// this person is on the session's roster. The page carries no question, answer or key.
/// </summary>
public sealed class TestModel(IGrainFactory grains, IStringLocalizer<SharedResource> text) : PageModel
{
    public Guid SessionId { get; private set; }

    public Guid PersonId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Texts { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(Guid sessionId)
    {
        if (User.PersonFor(sessionId) is not { } person ||
            await grains.GetGrain<IExamSessionGrain>(sessionId).GetAsync() is not { } session ||
            !session.Roster.Contains(person))
        {
            return NotFound();
        }

        (SessionId, PersonId, Title) = (sessionId, person, session.Details.Title);
        Texts = new Dictionary<string, string>
        {
            ["question"] = text["Pytanie {0} z {1}"],
            ["cell"] = text["Pytanie {0}: {1}"],
            ["cellAnswered"] = text["z odpowiedzią"],
            ["cellUnanswered"] = text["bez odpowiedzi"],
            ["cellFlagged"] = text["do sprawdzenia"],
            ["cellUnsaved"] = text["niezapisane"],
            ["timeWarning"] = text["Do końca testu: {0} min."],
            ["multiple"] = text["Zaznacz wszystkie poprawne odpowiedzi."],
            ["flag"] = text["Oznacz do sprawdzenia"],
            ["unflag"] = text["Usuń oznaczenie"],
            ["previous"] = text["← Poprzednie"],
            ["next"] = text["Następne →"],
            ["online"] = text["Połączono"],
            ["saving"] = text["Zapisywanie…"],
            ["saved"] = text["Wszystkie odpowiedzi zapisane"],
            ["offline"] = text["Brak połączenia — odpowiedzi są zachowane w przeglądarce i zostaną wysłane po powrocie połączenia"],
            ["paused"] = text["Test wstrzymany przez operatora. Czas nie płynie."],
            ["displaced"] = text["Test został otwarty w innym oknie lub na innym urządzeniu. To okno nie zapisuje już odpowiedzi."],
            ["takeBack"] = text["Kontynuuj tutaj"],
            ["unanswered"] = text["Bez odpowiedzi: {0} z {1}. Oznaczone do sprawdzenia: {2}."],
            ["submitted"] = text["Test zakończony."],
            ["withheld"] = text["Wynik zostanie udostępniony po decyzji komisji."],
            ["score"] = text["Wynik: {0}% ({1} z {2} pkt)."],
            ["passed"] = text["Test zaliczony."],
            ["failed"] = text["Test niezaliczony."],
            ["outcome"] = text["Efekt uczenia się"],
            ["points"] = text["Punkty"],
            ["notPrepared"] = text["Test nie jest jeszcze dostępny. Poczekaj, aż operator otworzy sesję."],
            ["rejected"] = text["Serwer odrzucił odpowiedź."],
        };
        return Page();
    }
}
