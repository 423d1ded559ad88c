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

    public async Task<IActionResult> OnGetAsync(int id, int? sco, CancellationToken ct)
    {
        if (await launch.RunAsync(await current.GetScopeAsync(ct), id, sco, ct) is not { } found)
        {
            return NotFound();
        }

        Launch = found;
        var response = ScormLaunchResponse.From(found);
        ContentUrl = response.ContentUrl;
        CommitUrl = response.CommitUrl;
        InitialJson = JsonSerializer.Serialize(found.Initial);
        return Page();
    }
}
