using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Requirements;

/// <summary>One rule in plain words. Open to every signed-in user of the organisation ("why is this required for me").</summary>
public sealed class RuleModel(CurrentUser current, ListRequirementRules list, IAuthorizationService authorization) : PageModel
{
    public RuleView Rule { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var rule = await list.FindAsync((await current.GetScopeAsync(ct)).OrganisationId, id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        Rule = rule;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.RuleEditors)).Succeeded;
        return Page();
    }
}
