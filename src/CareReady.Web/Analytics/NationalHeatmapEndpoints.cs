using CareReady.Core.Analytics;
using CareReady.Web.Security;

namespace CareReady.Web.Analytics;

/// <summary>
/// The national heatmap over HTTP (<c>/api/v1/analytics/national</c>, and <c>.csv</c>): compliance per framework
/// subject and organisation across the deployment, for national analysts only — figures, never people.
/// </summary>
public static class NationalHeatmapEndpoints
{
    public static RouteGroupBuilder MapNationalHeatmapEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Policies.NationalAnalysts);

        group.MapGet("/national", async (CurrentUser current, NationalHeatmap heatmap, CancellationToken ct) =>
            TypedResults.Ok(await heatmap.BuildAsync(await current.GetScopeAsync(ct), ct)))
            .WithSummary("Compliance per framework subject and organisation today, with the deployment's total (national analysts).");

        group.MapGet("/national.csv", async (CurrentUser current, NationalHeatmap heatmap, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            NationalHeatmapCsv.Write(await heatmap.BuildAsync(await current.GetScopeAsync(ct), ct), buffer);
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "national-heatmap.csv");
        }).WithSummary("The national heatmap as CSV: one row per organisation and subject.");
        return api;
    }
}
