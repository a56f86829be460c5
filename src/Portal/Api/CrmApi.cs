using Certification.Common;
using Certification.Crm;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;

namespace Certification.Portal.Api;

/// <summary>
/// The CRM over HTTP for integrations and scripts. Reading is open to a training administrator
/// (every client), an account manager (the clients in their care) and a partner administrator (their
/// own organisation only); writing only to a training administrator. Records outside the caller's scope
/// answer 404, as if they did not exist.
/// </summary>
internal static class CrmApi
{
    public static void MapCrmApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.CrmReader);

        api.MapGet("/clients", async (HttpContext http, CrmQueries queries, string? search, ClientKind? kind, int? page) =>
            Results.Ok(await queries.ClientsAsync(CrmScope.For(http.User), search, kind, page ?? 1)));

        api.MapGet("/clients/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
            CrmScope.For(http.User).CanRead(id) && await grains.GetGrain<IClientGrain>(id).GetAsync() is { } client
                ? Results.Ok(client)
                : Results.NotFound());

        api.MapPost("/clients", async (ClientDetails details, IGrainFactory grains, ErrorText errors) =>
        {
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IClientGrain>(id).CreateAsync(details);
            return result.Succeeded
                ? Results.Created($"/api/clients/{id}", new { id, result.Version })
                : ValidationProblem(result, errors);
        }).RequireAuthorization(Policies.TrainingAdmin);

        api.MapGet("/people", async (HttpContext http, CrmQueries queries, string? search, Guid? clientId, int? page) =>
            Results.Ok(await queries.PeopleAsync(CrmScope.For(http.User), search, clientId, page ?? 1)));

        api.MapGet("/people/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var scope = CrmScope.For(http.User);
            if (await grains.GetGrain<IPersonGrain>(id).GetAsync() is not { } person || !scope.CanRead(person.Details.ClientId))
            {
                return Results.NotFound();
            }

            // A partner or an account manager learns of the person's time at their own clients, not where else they worked.
            return Results.Ok(scope.AllClients ? person : person with { Employments = [.. person.Employments.Where(e => scope.CanRead(e.ClientId))] });
        });
    }

    private static IResult ValidationProblem(CommandResult result, ErrorText errors) =>
        Results.ValidationProblem(result.Errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => errors.For(e.Code)).ToArray()));
}
