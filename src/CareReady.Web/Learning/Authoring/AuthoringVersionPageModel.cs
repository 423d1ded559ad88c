using CareReady.Core.Learning;
using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Shared by the pages about one module version: loading it for an author (403 for anyone else, 404 when it is not theirs to see).</summary>
public abstract class AuthoringVersionPageModel(CurrentUser current, GetAuthoringVersion get) : AuthoringPageModel(current)
{
    public AuthoringVersion Version { get; private set; } = null!;

    /// <returns>Null when <see cref="Version"/> is loaded; otherwise the response to give.</returns>
    protected async Task<IActionResult?> LoadVersionAsync(int moduleId, int number, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        if (!ModuleAccess.CanAuthor(scope))
        {
            return Denied();
        }

        var found = await get.RunAsync(scope, moduleId, number, await Current.GetActorAsync(), ct);
        if (found is null)
        {
            return NotFound();
        }

        Version = found;
        return null;
    }

    /// <summary>Editing pages send a version that is no longer a draft back to its page.</summary>
    protected IActionResult? UnlessEditable(int moduleId, int number) =>
        Version.Version.IsEditable ? null : Redirect(VersionPath(moduleId, number));
}
