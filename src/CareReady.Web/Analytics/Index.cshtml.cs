using CareReady.Core.Analytics;
using CareReady.Core.Data;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Analytics;

/// <summary>The leadership dashboard: compliance over time, the subject × department heatmap, risk exposure, AI readiness, engagement.</summary>
[Authorize(Policy = Policies.AnalyticsReaders)]
public sealed class IndexModel(CurrentUser current, LeadershipDashboard dashboard, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public Dashboard Data { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Units = (await AnalyticsScope.For(scope).DepartmentsAsync(db, null, ct)).OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d.Code, d.Name)).ToList();
        try
        {
            Data = await dashboard.BuildAsync(scope, string.IsNullOrWhiteSpace(Unit) ? null : Unit, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public string CsvLink(string chart) => $"/api/v1/analytics/dashboard/{chart}.csv" + (string.IsNullOrWhiteSpace(Unit) ? "" : "?unit=" + Uri.EscapeDataString(Unit));

    public static string P(double? percent) => percent is double p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
