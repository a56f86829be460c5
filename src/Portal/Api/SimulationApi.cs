using System.Text.Json;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Sandbox;
using Certification.Portal.Accounts;
using Certification.Portal.Simulation;
using Certification.Simulation;
using Microsoft.AspNetCore.Antiforgery;

namespace Certification.Portal.Api;

/// <summary>
/// The candidate's simulation over HTTP, for the pages' scripts (the pipeline board's drag and drop): the workspace and
/// commands. Only a candidate, only their own simulation in a session their sign-in reaches; anything else answers 404.
/// Nothing here carries a seed, a checker's verdict or its evidence.
/// </summary>
internal static class SimulationApi
{
    public static void MapSimulationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/simulation/{sessionId:guid}").RequireAuthorization(Policies.Candidate);

        api.MapGet("/", async (Guid sessionId, HttpContext http, CandidateSimulations simulations) =>
            await simulations.OpenAsync(http.User, sessionId) is { Workspace: { } workspace }
                ? Results.Text(SimulatorJson.Serialize(new
                {
                    workspace.ReadOnly,
                    workspace.Brief,
                    Sheet = workspace.Sheet with { Seed = 0 },
                    State = workspace.State with { Seed = 0 },
                    workspace.Actions,
                }), "application/json")
                : Results.NotFound());

        api.MapPost("/commands", async (Guid sessionId, HttpContext http, CandidateSimulations simulations, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            CommandRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync<CommandRequest>(http.Request.Body, SimulatorJson.Options);
            }
            catch (JsonException)
            {
                request = null;
            }

            if (request?.Command is null)
            {
                return Results.BadRequest();
            }

            return await simulations.ExecuteAsync(http.User, sessionId, request.CommandId ?? "", request.Command) switch
            {
                null or { Refusal: SimulationCodes.NotOnRoster or SimulationCodes.NotStarted } => Results.NotFound(),
                { Refusal: { } refusal } => Results.Conflict(new { code = refusal, message = simulations.Refusal(refusal) }),
                // The board shows a refusal's reasons as they come: in the candidate's language.
                { Action: { } action, Repeated: var repeated } => Results.Text(SimulatorJson.Serialize(new
                {
                    action = action with { Errors = [.. action.Errors.Select(e => e with { Message = simulations.Refusal(e) })] },
                    repeated,
                }), "application/json"),
                _ => Results.NotFound(),
            };
        });
    }

    private sealed record CommandRequest(string? CommandId, SandboxCommand? Command);
}
