using Certification.Common;
using Certification.Crm;
using Certification.CustomFields;
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

        api.MapPost("/clients", async (NewClient client, IGrainFactory grains, CustomFieldQueries fields, ErrorText errors) =>
        {
            // Custom fields are named as the office named them; their values are checked before the client is created,
            // so a required one missing refuses the whole request, as on the form.
            var definitions = await fields.FieldsOfAsync(CustomFieldEntity.Client);
            var unknown = (client.CustomFields ?? []).Keys.Where(name => definitions.All(d => !string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                return Results.ValidationProblem(unknown.ToDictionary(name => $"customFields.{name}", _ => new[] { errors.For(UnknownCustomField) }));
            }

            var values = definitions.ToDictionary(
                d => d.Id, d => client.CustomFields?.FirstOrDefault(v => string.Equals(v.Key, d.Name, StringComparison.OrdinalIgnoreCase)).Value);
            var (_, problems) = CustomFieldRules.CheckValues(definitions, values);
            if (problems.Count > 0)
            {
                return Results.ValidationProblem(problems
                    .GroupBy(p => definitions.FirstOrDefault(d => d.Id.ToString() == p.Field) is { } d ? $"customFields.{d.Name}" : p.Field)
                    .ToDictionary(g => g.Key, g => g.Select(p => errors.For(p.Code)).ToArray()));
            }

            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IClientGrain>(id).CreateAsync(client.Details);
            if (!result.Succeeded)
            {
                return ValidationProblem(result, errors);
            }

            // The client exists and is acknowledged below either way; values that fail now (a field changed meanwhile)
            // are reported with the client's address, so the caller completes them with the office's form or the values page.
            var saved = definitions.Count == 0 || (await grains.GetGrain<ICustomValuesGrain>(id).SetAsync(CustomFieldEntity.Client, values, ClientScope.All)).Succeeded;
            return Results.Created($"/api/clients/{id}", new { id, result.Version, customFieldsSaved = saved });
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

    public const string UnknownCustomField = "api.unknown_custom_field";

    private static IResult ValidationProblem(CommandResult result, ErrorText errors) =>
        Results.ValidationProblem(result.Errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => errors.For(e.Code)).ToArray()));
}

/// <summary>A client as the API creates it: the details of <see cref="ClientDetails"/> and, by field name, custom field values.</summary>
internal sealed record NewClient(
    string Name, ClientKind Kind, string? Nip, string? Regon, Address Address, IReadOnlyList<string>? Units, Dictionary<string, string?>? CustomFields)
{
    public ClientDetails Details => new(Name, Kind, Nip, Regon, Address, Units ?? []);
}
