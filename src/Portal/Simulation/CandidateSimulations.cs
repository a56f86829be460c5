using System.Security.Claims;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Accounts;
using Certification.Simulation;
using Microsoft.Extensions.Localization;
using Certification.Portal.Localization;

namespace Certification.Portal.Simulation;

/// <summary>The candidate's way into their simulation, with the scope checked on every call: their own person, a session their sign-in reaches.</summary>
public sealed class CandidateSimulations(IGrainFactory grains, IStringLocalizer<SharedResource> text, RefusalText refusals)
{
    /// <summary>The grain of this candidate in this session, or null when the caller may not have one.</summary>
    public ISimulationGrain? For(ClaimsPrincipal user, Guid sessionId) =>
        user.IsInRole(Roles.Candidate) && user.PersonFor(sessionId) is { } person ? grains.Simulation(sessionId, person) : null;

    public async Task<SimulationOpening?> OpenAsync(ClaimsPrincipal user, Guid sessionId) =>
        For(user, sessionId) is { } grain ? await grain.OpenAsync(Actor(user)) : null;

    public async Task<SimulationAck?> ExecuteAsync(ClaimsPrincipal user, Guid sessionId, string commandId, SandboxCommand command) =>
        For(user, sessionId) is { } grain ? await grain.ExecuteAsync(commandId, command, Actor(user)) : null;

    public string Refusal(string code) => code switch
    {
        SimulationCodes.SessionNotOpen => text["Symulacja jest dostępna tylko w czasie otwartej sesji egzaminacyjnej."],
        SimulationCodes.ReadOnly => text["Sesja egzaminacyjna została zamknięta: symulację można już tylko przeglądać."],
        SimulationCodes.NotStarted => text["Symulacja nie została jeszcze rozpoczęta."],
        SimulationCodes.CommandIdRequired => text["Brak identyfikatora polecenia. Odśwież stronę i spróbuj ponownie."],
        SimulationCodes.Concurrent => text["Symulacja jest otwarta także w innym oknie. Odśwież stronę i spróbuj ponownie."],
        _ => text["Nie masz dostępu do tej symulacji."],
    };

    /// <summary>Why the sandbox refused a command, in the user's language.</summary>
    public string Refusal(CommandError error) => refusals.For(error);

    /// <summary>All the reasons of a refused command, in the user's language.</summary>
    public string Refusals(IEnumerable<CommandError> errors) => refusals.For(errors);

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
