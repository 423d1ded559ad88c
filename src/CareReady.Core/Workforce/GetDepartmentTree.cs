using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Workforce;

public sealed record DepartmentNode(int Id, string Code, string Name, string Kind, string? SiteName, int StaffCount, IReadOnlyList<DepartmentNode> Children);

/// <summary>The department tree the caller may see, with current head-count per node (own positions only).</summary>
public sealed class GetDepartmentTree(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<DepartmentNode>> RunAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.OrganisationId == scope.OrganisationId)
            .OrderBy(d => d.Name)
            .ToListAsync(cancellationToken);
        var sites = await db.Sites.Where(s => s.OrganisationId == scope.OrganisationId)
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var counts = await db.Positions
            .Where(p => p.OrganisationId == scope.OrganisationId && p.StartDate <= today && (p.EndDate == null || p.EndDate > today))
            .GroupBy(p => p.DepartmentId)
            .Select(g => new { g.Key, Count = g.Select(p => p.StaffMemberId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var visible = departments.Where(d => scope.CanSeeDepartment(d.Id)).ToList();
        var visibleIds = visible.Select(d => d.Id).ToHashSet();
        var byParent = visible.ToLookup(d => d.ParentId is int p && visibleIds.Contains(p) ? p : (int?)null);

        DepartmentNode Build(Department d) => new(d.Id, d.Code, d.Name, d.Kind.ToString(),
            d.SiteId is int s && sites.TryGetValue(s, out var n) ? n : null,
            counts.GetValueOrDefault(d.Id),
            byParent[d.Id].Select(Build).ToList());

        return byParent[null].Select(Build).ToList();
    }
}

public static class DepartmentNodes
{
    /// <summary>The tree in display order, each node with a label indented by its depth (for select lists).</summary>
    public static IReadOnlyList<(DepartmentNode Node, string Label)> Flatten(IEnumerable<DepartmentNode> roots)
    {
        var list = new List<(DepartmentNode, string)>();
        void Walk(IEnumerable<DepartmentNode> nodes, int depth)
        {
            foreach (var n in nodes)
            {
                list.Add((n, new string('\u00a0', depth * 2) + n.Name));
                Walk(n.Children, depth + 1);
            }
        }

        Walk(roots, 0);
        return list;
    }
}
