using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Security;

/// <summary>
/// What the signed-in user may see: always exactly one organisation; within it, either everything
/// (compliance lead, admin), the department subtrees they manage, or only their own record.
/// Every use case that reads people takes an <see cref="AccessScope"/> and filters with it.
/// </summary>
public sealed record AccessScope(
    string UserId,
    int OrganisationId,
    bool OrganisationWide,
    IReadOnlySet<int> ManagedDepartmentIds,
    int? OwnStaffMemberId,
    IReadOnlySet<string> RoleNames)
{
    public bool IsInRole(string role) => RoleNames.Contains(role);

    public bool CanSeeTeams => OrganisationWide || ManagedDepartmentIds.Count > 0;

    public bool CanSeeDepartment(int departmentId) => OrganisationWide || ManagedDepartmentIds.Contains(departmentId);

    /// <summary>Staff of the organisation this scope may read: org-wide, in a managed department (any position), or self.</summary>
    public IQueryable<StaffMember> VisibleStaff(AppDbContext db)
    {
        var staff = db.Staff.Where(s => s.OrganisationId == OrganisationId);
        if (OrganisationWide)
        {
            return staff;
        }

        var departments = ManagedDepartmentIds.ToList();
        var own = OwnStaffMemberId ?? -1;
        return staff.Where(s => s.Id == own
            || db.Positions.Any(p => p.StaffMemberId == s.Id && departments.Contains(p.DepartmentId)));
    }

    /// <summary>Builds the scope for a user: roles from Identity, managed subtrees expanded to department ids.</summary>
    public static async Task<AccessScope> ForUserAsync(AppDbContext db, AppUser user, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        var roleSet = roles.ToHashSet(StringComparer.Ordinal);
        var orgWide = roleSet.Contains(Roles.Admin) || roleSet.Contains(Roles.ComplianceLead);
        var managed = new HashSet<int>();
        if (!orgWide && roleSet.Contains(Roles.Manager))
        {
            var roots = await db.ManagerScopes
                .Where(m => m.UserId == user.Id && m.OrganisationId == user.OrganisationId)
                .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => d.Path)
                .ToListAsync(cancellationToken);
            if (roots.Count > 0)
            {
                var all = await db.Departments
                    .Where(d => d.OrganisationId == user.OrganisationId)
                    .Select(d => new { d.Id, d.Path })
                    .ToListAsync(cancellationToken);
                foreach (var d in all.Where(d => roots.Any(r => DepartmentTree.IsWithin(d.Path, r))))
                {
                    managed.Add(d.Id);
                }
            }
        }

        return new AccessScope(user.Id, user.OrganisationId, orgWide, managed, user.StaffMemberId, roleSet);
    }
}
