using CareReady.Core.Analytics;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Analytics;

/// <summary>The national heatmap: every organisation's compliance per framework subject today (national analysts).</summary>
[Authorize(Policy = Policies.NationalAnalysts)]
public sealed class NationalModel(CurrentUser current, NationalHeatmap heatmap) : PageModel
{
    public NationalHeatmapView Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await heatmap.BuildAsync(await current.GetScopeAsync(ct), ct);
}
