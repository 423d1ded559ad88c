using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Supervision;

public enum SupervisionCheck
{
    /// <summary>The person is not in the caller's organisation or not visible to them: answer 404.</summary>
    NotFound,

    /// <summary>The caller sees the person (e.g. it is themselves) but may not supervise them: answer 403.</summary>
    Forbidden,

    Allowed,
}

/// <summary>
/// Who may act as a supervisor for a person (observe and sign off practice, confirm a self-assessment):
/// their line manager (a manager whose departments include one of the person's positions), a compliance
/// lead or an educator of the organisation — never the person themselves.
/// </summary>
public static class SupervisionAccess
{
    public static bool IsOrganisationSupervisor(AccessScope scope) =>
        scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Educator) || scope.IsInRole(Roles.EducatorLead);

    public static async Task<SupervisionCheck> CheckAsync(AppDbContext db, AccessScope scope, int staffMemberId, CancellationToken cancellationToken)
    {
        var inOrganisation = await db.Staff.AnyAsync(s => s.Id == staffMemberId && s.OrganisationId == scope.OrganisationId, cancellationToken);
        if (!inOrganisation)
        {
            return SupervisionCheck.NotFound;
        }

        if (scope.OwnStaffMemberId == staffMemberId)
        {
            return SupervisionCheck.Forbidden;
        }

        if (IsOrganisationSupervisor(scope))
        {
            return SupervisionCheck.Allowed;
        }

        var visible = await scope.VisibleStaff(db).AnyAsync(s => s.Id == staffMemberId, cancellationToken);
        if (!visible)
        {
            return SupervisionCheck.NotFound;
        }

        return scope.IsInRole(Roles.Manager) && scope.ManagedDepartmentIds.Count > 0 ? SupervisionCheck.Allowed : SupervisionCheck.Forbidden;
    }
}
