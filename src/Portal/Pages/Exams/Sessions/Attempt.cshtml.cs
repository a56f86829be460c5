using System.Text.Json;
using Certification.Crm;
using Certification.Exams;
using Certification.Portal.Accounts;
using Certification.Portal.Exams;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Exams.Sessions;

/// <summary>The append-only record of one attempt, for a training administrator (appeals, complaints).</summary>
public sealed class AttemptModel(
    IGrainFactory grains, ExamQueries queries, UserStore users, AccessCodes codes, IStringLocalizer<SharedResource> text) : PageModel
{
    private readonly Dictionary<string, string> _actors = [];

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<AttemptRecordRow> Events { get; private set; } = [];

    public AttemptResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, Guid personId)
    {
        var attempt = TheoryTestKey.For(sessionId, personId);
        Events = await queries.AttemptRecordAsync(attempt);
        if (Events.Count == 0)
        {
            return NotFound();
        }

        var person = (await grains.GetGrain<IPersonGrain>(personId).GetAsync())?.Details;
        PersonName = person is null ? personId.ToString() : $"{person.FirstName} {person.LastName}";
        Result = await grains.GetGrain<ITheoryTestGrain>(attempt).GetResultAsync();
        foreach (var actor in Events.Select(e => e.Actor).Distinct())
        {
            _actors[actor] = !Guid.TryParse(actor, out var id) ? actor
                : await users.FindByIdAsync(id) is { } user ? user.DisplayName
                : await codes.HolderAsync(id) == personId ? text["{0} (kod dostępu)", PersonName]
                : actor;
        }

        return Page();
    }

    public string ActorName(string actor) => _actors.GetValueOrDefault(actor, actor);

    /// <summary>The few facts of an event worth a column; the drawn test's questions are summarised, not dumped.</summary>
    public string Summary(AttemptRecordRow row)
    {
        using var json = JsonDocument.Parse(row.Data);
        var data = json.RootElement;
        return row.Kind switch
        {
            "drawn" => $"{data.GetProperty("questions").GetArrayLength()} pytań, {data.GetProperty("minutes").GetInt32()} min",
            "answered" => $"seq {data.GetProperty("clientSeq").GetInt32()}, pytanie {data.GetProperty("question").GetInt32()}: [{string.Join(", ", data.GetProperty("selected").EnumerateArray().Select(s => s.GetString()))}]" +
                          (data.GetProperty("flagged").GetBoolean() ? " ⚑" : string.Empty),
            "extended" => $"+{data.GetProperty("minutes").GetInt32()} min",
            "submitted" => $"{data.GetProperty("cause").GetString()}, {data.GetProperty("result").GetProperty("percent").GetDecimal()}%",
            _ => string.Empty,
        };
    }
}
