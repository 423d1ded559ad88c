using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record VersionComparison(int ModuleId, string Code, string Title, VersionDiff Diff);

/// <summary>Compares two versions of one module of the caller's organisation, for its authors (see <see cref="VersionComparer"/>).</summary>
public sealed class CompareVersions(AppDbContext db)
{
    /// <returns>Null when the module or either version is not found in the caller's organisation; check <see cref="ModuleAccess.CanAuthor"/> first.</returns>
    public async Task<VersionComparison?> RunAsync(AccessScope scope, int moduleId, int fromNumber, int toNumber, CancellationToken ct = default)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return null;
        }

        var versions = await db.ModuleVersions.AsNoTracking().AsSplitQuery()
            .Include(v => v.Module).Include(v => v.Lessons).Include(v => v.Outcomes).Include(v => v.Questions)
            .Include(v => v.Confers).Include(v => v.Media).Include(v => v.Guidelines)
            .Where(v => v.ModuleId == moduleId && v.OrganisationId == scope.OrganisationId && (v.Number == fromNumber || v.Number == toNumber))
            .ToListAsync(ct);
        var from = versions.FirstOrDefault(v => v.Number == fromNumber);
        var to = versions.FirstOrDefault(v => v.Number == toNumber);
        if (from is null || to is null)
        {
            return null;
        }

        var ids = versions.SelectMany(v => v.Confers).Select(c => c.CompetencyId).Distinct().ToList();
        var labels = await db.Competencies.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, Subject = c.Subject!.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Subject == c.Name ? $"{c.Code} {c.Name}" : $"{c.Code} {c.Subject} — {c.Name}", ct);
        return new VersionComparison(moduleId, from.Module!.Code, to.Title, VersionComparer.Compare(from, to, id => labels[id]));
    }
}
