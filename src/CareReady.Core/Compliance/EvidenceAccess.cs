using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

/// <summary>Who may record or approve evidence for whom.</summary>
public static class EvidenceAccess
{
    /// <summary>
    /// Managers (for people in their departments), compliance leads and admins may record exemptions
    /// and prior learning and review certificates — never for themselves.
    /// </summary>
    public static async Task<bool> CanApproveForAsync(AppDbContext db, AccessScope scope, int staffMemberId, CancellationToken cancellationToken)
    {
        if (scope.OwnStaffMemberId == staffMemberId)
        {
            return false;
        }

        if (!(scope.OrganisationWide || scope.IsInRole(Roles.Manager)))
        {
            return false;
        }

        return await scope.VisibleStaff(db).AnyAsync(s => s.Id == staffMemberId, cancellationToken);
    }
}
