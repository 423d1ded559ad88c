using CareReady.Core.Simulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

[Authorize]
public sealed class TeamModel(CurrentUser current, TeamRelianceReport report) : PageModel
{
    public TeamRelianceResult Team { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await report.RunAsync(await current.GetScopeAsync(ct), ct);
        if (r is null)
        {
            return Forbid();
        }

        Team = r;
        return Page();
    }
}
