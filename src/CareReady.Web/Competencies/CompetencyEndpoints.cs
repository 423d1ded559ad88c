using CareReady.Core.Competencies;
using CareReady.Web.Security;

namespace CareReady.Web.Competencies;

public static class CompetencyEndpoints
{
    public static RouteGroupBuilder MapCompetencyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/competencies", async (CurrentUser current, ListCatalogue catalogue, CancellationToken ct) =>
            TypedResults.Ok(await catalogue.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, ct)))
            .WithTags("Competencies")
            .WithSummary("The competency catalogue: frameworks, subjects and levels with refresher periods");
        return api;
    }
}
