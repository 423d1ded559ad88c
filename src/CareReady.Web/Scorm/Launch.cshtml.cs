using System.Text.Json;
using CareReady.Core.Scorm;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Scorm;

/// <summary>
/// Plays a SCORM package: the page hosts the scorm-again runtime (window.API for 1.2, window.API_1484_11
/// for 2004), started with the attempt's saved CMI, and the SCO in an iframe on our origin; the runtime
/// commits to <see cref="ScormEndpoints.CommitUrl"/>.
/// </summary>
[Authorize]
public sealed class LaunchModel(CurrentUser current, LaunchScorm launch) : PageModel
{
    public ScormLaunch Launch { get; private set; } = null!;
    public string ContentUrl { get; private set; } = "";
    public string CommitUrl { get; private set; } = "";
    public string InitialJson { get; private set; } = "{}";

    public string RuntimeScript => Launch.Edition == ScormEdition.Scorm12 ? "/lib/scorm-again/scorm12.min.js" : "/lib/scorm-again/scorm2004.min.js";

    /// <summary>Why the package's sequencing does not open what was asked (the page then says so instead of playing).</summary>
    public string? Refused { get; private set; }

    public int ModuleId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? sco, string? nav, CancellationToken ct)
    {
        if (!ScormEndpoints.TryNavigation(nav, out var navigation))
        {
            return BadRequest();
        }

        var outcome = await launch.RunAsync(await current.GetScopeAsync(ct), id, sco, navigation, ct);
        if (outcome is null)
        {
            return NotFound();
        }

        ModuleId = outcome.ModuleId;
        if (outcome.Refusal == ScormRefusal.End)
        {
            return Redirect($"/learning/modules/{outcome.ModuleId}"); // the SCO said "continue" at the end: back to where the module stands
        }

        if (outcome.Launch is not { } found)
        {
            Refused = outcome.Why;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (navigation != ScormNavigation.Open)
        {
            // Next / Previous moved the attempt on; the address names the part, so a reload plays it again rather than moving on.
            return Redirect($"/learning/scorm/{id}?sco={found.Position}");
        }

        Launch = found;
        var response = ScormLaunchResponse.From(found);
        ContentUrl = response.ContentUrl;
        CommitUrl = response.CommitUrl;
        InitialJson = JsonSerializer.Serialize(found.Initial);
        return Page();
    }
}
