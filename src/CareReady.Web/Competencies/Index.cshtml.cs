using CareReady.Core.Competencies;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Competencies;

public sealed class IndexModel(CurrentUser current, ListCatalogue catalogue) : PageModel
{
    public IReadOnlyList<CatalogueFrameworkView> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Frameworks = await catalogue.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, ct);
}
