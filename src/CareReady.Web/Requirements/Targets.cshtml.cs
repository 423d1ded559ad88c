using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Requirements;

/// <summary>Compliance targets per subject: everyone who sees rules sees them; rule editors change them.</summary>
[Authorize(Roles = "Manager,Educator,ComplianceLead,Admin")]
public sealed class TargetsModel(CurrentUser current, ListSubjectTargets list, SetSubjectTarget set, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public string SubjectCode { get; set; } = "";
    [BindProperty] public decimal? TargetPercent { get; set; }

    public IReadOnlyList<SubjectTargetView> Targets { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RuleEditors)).Succeeded)
        {
            return Forbid();
        }

        var result = TargetPercent is decimal percent
            ? await set.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, SubjectCode, percent, ct)
            : new SaveResult(null, new Dictionary<string, string> { ["TargetPercent"] = "Enter a target percentage, like 90" });
        if (result.Succeeded)
        {
            return Redirect("/rules/targets");
        }

        Errors = result.Errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Targets = await list.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RuleEditors)).Succeeded;
    }
}
