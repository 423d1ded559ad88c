using CareReady.Core.Simulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

[Authorize]
public sealed class ReportModel(CurrentUser current, ScenarioReport report) : PageModel
{
    public ScenarioReportResult Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return Forbid();
        }

        var r = await report.RunAsync(scope, code, ct);
        if (r is null)
        {
            return NotFound();
        }

        Report = r;
        return Page();
    }
}
