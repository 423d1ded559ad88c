using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

[Authorize]
public sealed class CatalogueModel(CurrentUser current, ListModules list) : PageModel
{
    public IReadOnlyList<ModuleSummary> Modules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Modules = await list.RunAsync((await current.GetUserAsync()).OrganisationId, ct);
}
