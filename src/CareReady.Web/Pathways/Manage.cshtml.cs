using CareReady.Core.Pathways.RolePathways;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Pathways;

/// <summary>Role and development pathways: educators define them, managers assign them to their people or teams.</summary>
public sealed class ManageModel(CurrentUser current, ListRolePathways list) : PageModel
{
    public IReadOnlyList<RolePathwayView> Pathways { get; private set; } = [];
    public bool CanDefine { get; private set; }
    public bool CanAssign { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? saved, string? assigned, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanDefine = AssignPathway.CanDefine(scope);
        CanAssign = scope.CanSeeTeams;
        if (!CanDefine && !CanAssign)
        {
            return Forbid();
        }

        Pathways = await list.RunAsync(scope.OrganisationId, activeOnly: !CanDefine, ct);
        Message = saved is not null ? $"The pathway “{saved}” is saved."
            : assigned is not null ? assigned
            : null;
        return Page();
    }
}
