using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Requirements;

[Authorize(Roles = "Manager,Educator,ComplianceLead,Admin")]
public sealed class RulesModel(CurrentUser current, ListRequirementRules list, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<RuleView> Rules { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rules = await list.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, null, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RuleEditors)).Succeeded;
    }
}
