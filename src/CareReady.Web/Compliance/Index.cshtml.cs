using CareReady.Core.Compliance;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Compliance;

/// <summary>The compliance overview: per subject against target, and how many need action.</summary>
public sealed class IndexModel(CurrentUser current, ComputeComplianceSnapshot compute, GetDepartmentTree tree, TimeProvider time)
    : CompliancePageModel(current, compute, tree, time)
{
    public int Overdue { get; private set; }
    public int Due30 { get; private set; }
    public int Due60 { get; private set; }
    public int Due90 { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        if (result is PageResult)
        {
            Overdue = ComplianceLists.Overdue(Snapshot).Count;
            Due30 = ComplianceLists.DueWithin(Snapshot, 30).Count;
            Due60 = ComplianceLists.DueWithin(Snapshot, 60).Count;
            Due90 = ComplianceLists.DueWithin(Snapshot, 90).Count;
        }

        return result;
    }
}
