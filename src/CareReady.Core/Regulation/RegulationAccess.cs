using CareReady.Core.Identity;
using CareReady.Core.Security;

namespace CareReady.Core.Regulation;

/// <summary>Who may keep the guideline registry and propose, preview, apply or undo changes: compliance leads and admins of the organisation.</summary>
public static class RegulationAccess
{
    public static bool CanManage(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin);
    }
}
