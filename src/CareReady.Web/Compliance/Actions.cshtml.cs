using CareReady.Core.Compliance;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Compliance;

/// <summary>Who is overdue now, or falls due within 30/60/90 days.</summary>
public sealed class ActionsModel(CurrentUser current, ComputeComplianceSnapshot compute, GetDepartmentTree tree, TimeProvider time)
    : CompliancePageModel(current, compute, tree, time)
{
    [BindProperty(SupportsGet = true, Name = "days")]
    public int? Days { get; set; }

    public IReadOnlyList<ActionItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Days is not null and not (30 or 60 or 90))
        {
            Days = 30;
        }

        var result = await LoadAsync(ct);
        if (result is PageResult)
        {
            Items = Days is int d ? ComplianceLists.DueWithin(Snapshot, d) : ComplianceLists.Overdue(Snapshot);
        }

        return result;
    }
}
