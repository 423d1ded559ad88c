using CareReady.Core.Simulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

[Authorize]
public sealed class DebriefModel(CurrentUser current, GetDebrief debrief) : PageModel
{
    public Debrief Debrief { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var d = await debrief.RunAsync(await current.GetScopeAsync(ct), id, ct);
        if (d is null)
        {
            return NotFound();
        }

        if (d.CompletedAt is null)
        {
            return Redirect($"/simulations/runs/{id}");
        }

        Debrief = d;
        return Page();
    }
}
