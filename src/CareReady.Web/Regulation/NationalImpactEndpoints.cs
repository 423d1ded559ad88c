using CareReady.Core.Regulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Regulation;

/// <summary>
/// The national impact preview over HTTP (<c>/api/v1/regulation/national/…</c>): which guideline versions content
/// cites across the deployment, and who rests on one — by organisation, staff group and competency. National
/// analysts only; figures, never people.
/// </summary>
public static class NationalImpactEndpoints
{
    public static RouteGroupBuilder MapNationalImpactEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regulation/national").WithTags("Regulation").RequireAuthorization(Policies.NationalAnalysts);

        group.MapGet("/guidelines", async (CurrentUser current, PreviewNationalChange preview, CancellationToken ct) =>
            TypedResults.Ok(await preview.CitedAsync(await current.GetScopeAsync(ct), ct)))
            .WithSummary("Guideline versions cited by module versions anywhere in the deployment, with how many organisations cite each.");

        group.MapGet("/impact", async Task<Results<Ok<NationalChangeImpact>, ValidationProblem>> (string? source, string? version, CurrentUser current, PreviewNationalChange preview, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(source))
            {
                errors["source"] = ["Give the guideline source, exactly as content cites it (see /api/v1/regulation/national/guidelines)."];
            }

            if (string.IsNullOrWhiteSpace(version))
            {
                errors["version"] = ["Give the guideline version that would be replaced, exactly as content cites it."];
            }

            return errors.Count > 0
                ? TypedResults.ValidationProblem(errors, title: "The national impact preview needs a guideline version")
                : TypedResults.Ok(await preview.RunAsync(await current.GetScopeAsync(ct), source!, version!, ct));
        })
            .WithSummary("Who, across every organisation, rests on a guideline version: certifications and people per organisation, staff group and competency.");
        return api;
    }
}
