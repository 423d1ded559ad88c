using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>
/// Which units' figures a user may see in analytics: the whole organisation for executives, compliance
/// leads and admins; the managed department subtrees for a manager; nothing otherwise. Analytics shows
/// aggregates only, so an executive sees every unit's figures without seeing anyone's record.
/// </summary>
public sealed record AnalyticsScope(int OrganisationId, bool Everything, IReadOnlySet<int> DepartmentIds)
{
    public static AnalyticsScope For(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var everything = scope.OrganisationWide || scope.IsInRole(Roles.Executive);
        return new AnalyticsScope(scope.OrganisationId, everything, scope.ManagedDepartmentIds);
    }

    public bool MaySeeAnything => Everything || DepartmentIds.Count > 0;

    public bool CanSee(int departmentId) => Everything || DepartmentIds.Contains(departmentId);

    /// <summary>The organisation's departments this scope may see, optionally only those within the subtree of <paramref name="unitCode"/>.</summary>
    /// <exception cref="KeyNotFoundException">The unit does not exist or is out of scope.</exception>
    public async Task<List<Department>> DepartmentsAsync(AppDbContext db, string? unitCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == OrganisationId).ToListAsync(cancellationToken);
        var visible = all.Where(d => CanSee(d.Id)).ToList();
        if (string.IsNullOrWhiteSpace(unitCode))
        {
            return visible;
        }

        var unit = visible.FirstOrDefault(d => string.Equals(d.Code, unitCode.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No department with code '{unitCode.Trim()}' that you can see.");
        return visible.Where(d => DepartmentTree.IsWithin(d.Path, unit.Path)).ToList();
    }
}
