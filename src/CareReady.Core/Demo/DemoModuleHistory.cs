using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Demo;

/// <summary>
/// Gives the demo's recent training history its content: completions since <c>since</c> of a competency a
/// published module confers are recorded as passes of that module's version (as if the organisation had
/// used CareReady for that long), so a guideline change has people whose certification rests on it.
/// </summary>
public static class DemoModuleHistory
{
    public static async Task<int> AttributeAsync(AppDbContext db, int organisationId, DateOnly since, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await db.ModuleVersions.AsNoTracking()
            .Where(v => v.OrganisationId == organisationId && v.Status == ModuleStatus.Published)
            .OrderBy(v => v.Module!.Code)
            .Select(v => new { v.Id, v.Module!.Code, v.Number, Competencies = v.Confers.Select(c => c.CompetencyId).ToList() })
            .ToListAsync(ct);
        var taken = new HashSet<int>();
        var updated = 0;
        foreach (var v in versions)
        {
            var competencies = v.Competencies.Where(taken.Add).ToList();
            if (competencies.Count == 0)
            {
                continue;
            }

            var reference = $"Module {v.Code} version {v.Number}";
            updated += await db.Completions
                .Where(c => c.OrganisationId == organisationId && competencies.Contains(c.CompetencyId) && c.CompletedOn >= since
                    && c.ModuleVersionId == null && c.Source == CompletionSource.Historic)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ModuleVersionId, v.Id).SetProperty(c => c.Source, CompletionSource.Module)
                    .SetProperty(c => c.Reference, reference), ct);
        }

        return updated;
    }
}
