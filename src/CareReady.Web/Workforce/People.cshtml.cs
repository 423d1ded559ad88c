using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Workforce;

[Authorize(Policy = Policies.PeopleReaders)]
public sealed class PeopleModel(CurrentUser current, SearchStaff search, GetDepartmentTree tree) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "department")]
    public int? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "leavers")]
    public bool IncludeLeavers { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public StaffPage Results { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<(int Id, string Label)> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Results = await search.RunAsync(scope, new StaffSearch(Query, DepartmentId, IncludeLeavers, PageNumber, 50), ct);
        Departments = DepartmentNodes.Flatten(await tree.RunAsync(scope, ct)).Select(d => (d.Node.Id, d.Label)).ToList();
    }

    public string PageLink(int page) =>
        $"/people?q={Uri.EscapeDataString(Query ?? "")}&department={DepartmentId}&leavers={IncludeLeavers}&page={page}";
}
