using CareReady.Core.Simulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

/// <summary>The scenario player: one node per page, forms that work without script, a vitals chart.</summary>
[Authorize]
public sealed class RunModel(CurrentUser current, GetRunView view, SubmitStep submit) : PageModel
{
    public RunView Run { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string NodeId { get; set; } = string.Empty;

    [BindProperty]
    public List<string> Options { get; set; } = [];

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public int? Confidence { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var run = await view.RunAsync(await current.GetScopeAsync(ct), id, ct);
        if (run is null)
        {
            return NotFound();
        }

        if (run.Completed)
        {
            return Redirect($"/simulations/runs/{id}/debrief");
        }

        Run = run;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var result = await submit.RunAsync(scope, id, new StepInput(NodeId, Options, Number, Confidence), await current.GetActorAsync(), ct);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Completed)
        {
            return Redirect($"/simulations/runs/{id}/debrief");
        }

        if (result.Succeeded || result.Problems.ContainsKey("nodeId"))
        {
            return Redirect($"/simulations/runs/{id}");
        }

        foreach (var (field, message) in result.Problems)
        {
            Errors[field] = message;
        }

        Run = (await view.RunAsync(scope, id, ct))!;
        return Page();
    }
}
