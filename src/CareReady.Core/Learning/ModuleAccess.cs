using CareReady.Core.Identity;
using CareReady.Core.Security;

namespace CareReady.Core.Learning;

/// <summary>Who may see what of a module: everyone in the organisation sees published versions; authors and approvers see every version.</summary>
public static class ModuleAccess
{
    public static bool CanAuthor(AccessScope scope) =>
        scope.IsInRole(Roles.Educator) || scope.IsInRole(Roles.EducatorLead) || scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin);

    public static bool CanApprove(AccessScope scope) => scope.IsInRole(Roles.EducatorLead) || scope.IsInRole(Roles.ComplianceLead);

    public static bool CanView(AccessScope scope, ModuleVersion version) =>
        version.OrganisationId == scope.OrganisationId && (version.Status == ModuleStatus.Published || CanAuthor(scope));
}
