using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Workforce;

[Authorize(Policy = Policies.PeopleReaders)]
public sealed class DepartmentsModel(CurrentUser current, GetDepartmentTree tree) : PageModel
{
    public IReadOnlyList<DepartmentNode> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Roots = await tree.RunAsync(await current.GetScopeAsync(ct), ct);
}
