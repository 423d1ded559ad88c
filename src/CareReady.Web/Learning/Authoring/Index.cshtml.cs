using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>The organisation's modules with every version and its status, for authors.</summary>
[Authorize]
public sealed class IndexModel(CurrentUser current, ListAuthoredModules list) : AuthoringPageModel(current)
{
    public IReadOnlyList<AuthoredModule> Modules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var modules = await list.RunAsync(await ScopeAsync(ct), ct);
        if (modules is null)
        {
            return Denied();
        }

        Modules = modules;
        return Page();
    }
}
