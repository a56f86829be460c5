using System.Security.Claims;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.ExamOperator;

public sealed class ConsoleModel(IGrainFactory grains, IStringLocalizer<SharedResource> text, ErrorText errors) : PageModel
{
    public SessionSnapshot? Session { get; private set; }

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<string, string> Texts { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(Guid sessionId)
    {
        Session = await grains.GetGrain<IExamSessionGrain>(sessionId).GetAsync();
        if (Session is null || Session.Details.OperatorId.ToString() != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return NotFound();
        }

        var names = new Dictionary<Guid, string>();
        foreach (var person in Session.Roster)
        {
            var details = (await grains.GetGrain<IPersonGrain>(person).GetAsync())?.Details;
            names[person] = details is null ? person.ToString() : $"{details.LastName} {details.FirstName}";
        }

        Names = names;
        Texts = new Dictionary<string, string>
        {
            ["online"] = text["na żywo"],
            ["offline"] = text["brak połączenia z serwerem — ponawiam"],
            ["connected"] = text["połączony"],
            ["disconnected"] = text["rozłączony"],
            ["Ready"] = text.AttemptStatusName(AttemptStatus.Ready),
            ["InProgress"] = text.AttemptStatusName(AttemptStatus.InProgress),
            ["Paused"] = text.AttemptStatusName(AttemptStatus.Paused),
            ["Submitted"] = text.AttemptStatusName(AttemptStatus.Submitted),
            ["pause"] = text["Wstrzymaj"],
            ["resume"] = text["Wznów"],
            ["extend"] = text["Przedłuż"],
            ["terminate"] = text["Przerwij"],
            ["passed"] = text["zaliczony"],
            ["failed"] = text["niezaliczony"],
            ["confirmTerminate"] = text["Przerwać test tego kandydata? Tego nie można cofnąć."],
            [AttemptCodes.ReasonRequired] = errors.For(AttemptCodes.ReasonRequired),
            [AttemptCodes.ExtensionRange] = errors.For(AttemptCodes.ExtensionRange),
            [AttemptCodes.Submitted] = errors.For(AttemptCodes.Submitted),
            [AttemptCodes.NotPaused] = errors.For(AttemptCodes.NotPaused),
            [AttemptCodes.Paused] = errors.For(AttemptCodes.Paused),
            [AttemptCodes.NotStarted] = errors.For(AttemptCodes.NotStarted),
        };
        return Page();
    }
}
