using CareReady.Core.Regulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Regulation;

/// <summary>The guideline registry: sources and their versions (with how much content cites each), every change, and open content-review flags.</summary>
public sealed class IndexModel(CurrentUser current, ListRegistry list) : RegulationPageModel(current)
{
    public Registry Registry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await list.RunAsync(await ScopeAsync(ct), ct) is not { } registry)
        {
            return NotFound();
        }

        Registry = registry;
        return Page();
    }
}
