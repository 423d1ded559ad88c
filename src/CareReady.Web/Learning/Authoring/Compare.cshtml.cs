using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>What changed between two versions of a module (<c>?from=1&amp;to=2</c>).</summary>
[Authorize]
public sealed class CompareModel(CurrentUser current, CompareVersions compare) : AuthoringPageModel(current)
{
    [BindProperty(SupportsGet = true)] public int From { get; set; }
    [BindProperty(SupportsGet = true)] public int To { get; set; }

    public VersionComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int moduleId, CancellationToken ct)
    {
        if (!await IsAuthorAsync(ct))
        {
            return Denied();
        }

        var found = await compare.RunAsync(await ScopeAsync(ct), moduleId, From, To, ct);
        if (found is null)
        {
            return NotFound();
        }

        Comparison = found;
        return Page();
    }
}
