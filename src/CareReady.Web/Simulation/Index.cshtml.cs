using CareReady.Core.Simulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

[Authorize]
public sealed class IndexModel(CurrentUser current, ListScenarios list, StartRun start) : PageModel
{
    public IReadOnlyList<ScenarioSummary> Scenarios { get; private set; } = [];
    public bool CanAuthor { get; private set; }
    public bool CanSeeTeam { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Scenarios = await list.RunAsync(scope, ct);
        CanAuthor = ScenarioAccess.CanAuthor(scope);
        CanSeeTeam = scope.CanSeeTeams;
    }

    public async Task<IActionResult> OnPostStartAsync(string code, CancellationToken ct) =>
        await start.RunAsync(await current.GetScopeAsync(ct), code, ct) is { } id ? Redirect($"/simulations/runs/{id}") : NotFound();
}
