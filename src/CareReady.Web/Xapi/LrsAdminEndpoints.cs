using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Xapi;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Xapi;

public sealed record LrsClientInput(string? Name, bool Read = true, bool Write = true);

public sealed record LrsClientView(int Id, string Name, string Key, bool Read, bool Write, string CreatedBy, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>Administration of the LRS: clients (admins) and activity mappings (compliance leads and admins), under /api/v1/lrs.</summary>
public static class LrsAdminEndpoints
{
    public static RouteGroupBuilder MapLrsAdminEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lrs").WithTags("Learning Record Store");

        group.MapGet("/clients", async (CurrentUser current, AppDbContext db, CancellationToken ct) =>
        {
            var org = (await current.GetScopeAsync(ct)).OrganisationId;
            return TypedResults.Ok(await db.LrsClients.Where(c => c.OrganisationId == org).OrderBy(c => c.Name)
                .Select(c => new LrsClientView(c.Id, c.Name, c.Key, c.CanRead, c.CanWrite, c.CreatedBy, c.CreatedAt, c.RevokedAt)).ToListAsync(ct));
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithSummary("The organisation's LRS clients (keys only; secrets are never shown again)");

        group.MapPost("/clients", async Task<Results<Created<object>, ValidationProblem>> (LrsClientInput input, HttpRequest request, CurrentUser current, CreateLrsClient create, CancellationToken ct) =>
        {
            var org = (await current.GetScopeAsync(ct)).OrganisationId;
            try
            {
                var credentials = await create.RunAsync(new CreateLrsClientInput(org, input.Name ?? "", input.Read, input.Write), await current.GetActorAsync(), ct);
                var endpoint = $"{request.Scheme}://{request.Host}/xapi/";
                return TypedResults.Created($"/api/v1/lrs/clients/{credentials.ClientId}", (object)new { key = credentials.Key, secret = credentials.Secret, endpoint });
            }
            catch (ArgumentException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Name"] = [e.Message.Split(" (Parameter")[0]] }, title: "No client was created");
            }
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithSummary("Create an LRS client; the response holds its secret, shown this once");

        group.MapPost("/clients/{id:int}/revoke", async Task<Results<NoContent, NotFound>> (int id, CurrentUser current, AppDbContext db, LrsAuthenticator authenticator, TimeProvider time, CancellationToken ct) =>
        {
            var org = (await current.GetScopeAsync(ct)).OrganisationId;
            var client = await db.LrsClients.FirstOrDefaultAsync(c => c.OrganisationId == org && c.Id == id, ct);
            if (client is null)
            {
                return TypedResults.NotFound();
            }

            client.RevokedAt ??= time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            authenticator.Forget(client.Key);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithSummary("Revoke an LRS client: its credentials stop working at once");

        group.MapGet("/mappings", async (CurrentUser current, ActivityMappings mappings, CancellationToken ct) =>
            TypedResults.Ok(await mappings.ListAsync((await current.GetScopeAsync(ct)).OrganisationId, ct)))
            .RequireAuthorization(Policies.RuleEditors).WithSummary("Activity IRIs whose completion counts as a module or competency");

        group.MapPost("/mappings", async Task<Results<Created<object>, ValidationProblem>> (MappingInput input, CurrentUser current, ActivityMappings mappings, CancellationToken ct) =>
        {
            var result = await mappings.AddAsync((await current.GetScopeAsync(ct)).OrganisationId, input, await current.GetActorAsync(), ct);
            return result.Succeeded
                ? TypedResults.Created($"/api/v1/lrs/mappings/{result.Id}", (object)new { id = result.Id })
                : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The mapping was not added");
        }).RequireAuthorization(Policies.RuleEditors).WithSummary("Map an activity IRI to a module (its published version's competencies) or a competency");

        group.MapDelete("/mappings/{id:int}", async Task<Results<NoContent, NotFound>> (int id, CurrentUser current, ActivityMappings mappings, CancellationToken ct) =>
            await mappings.RemoveAsync((await current.GetScopeAsync(ct)).OrganisationId, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .RequireAuthorization(Policies.RuleEditors).WithSummary("Remove a mapping (completions already recorded stay)");
        return group;
    }
}
