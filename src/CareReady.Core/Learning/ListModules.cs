using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

public sealed record ModuleSummary(
    int ModuleId, string Code, int VersionId, int VersionNumber, string Title, string Summary, int EstimatedMinutes,
    IReadOnlyList<ConferredCompetency> Confers);

public sealed record ConferredCompetency(int CompetencyId, string Code, string SubjectName, string Name, string FrameworkCode);

/// <summary>The organisation's published modules (the learning catalogue), with what each confers.</summary>
public sealed class ListModules(AppDbContext db)
{
    public async Task<IReadOnlyList<ModuleSummary>> RunAsync(int organisationId, CancellationToken ct = default)
    {
        var versions = await db.ModuleVersions.AsNoTracking()
            .Where(v => v.OrganisationId == organisationId && v.Status == ModuleStatus.Published)
            .Select(v => new { v.Id, v.ModuleId, v.Module!.Code, v.Number, v.Title, v.Summary, v.EstimatedMinutes })
            .ToListAsync(ct);
        var ids = versions.Select(v => v.Id).ToList();
        var confers = (await db.ModuleConferrals.AsNoTracking().Where(c => ids.Contains(c.ModuleVersionId))
                .Join(db.Competencies, c => c.CompetencyId, c => c.Id, (m, c) => new
                {
                    m.ModuleVersionId, c.Id, c.Code, SubjectName = c.Subject!.Name, c.Name, c.Subject.FrameworkCode,
                })
                .ToListAsync(ct))
            .ToLookup(c => c.ModuleVersionId);
        return versions
            .OrderBy(v => v.Title, StringComparer.Ordinal)
            .Select(v => new ModuleSummary(v.ModuleId, v.Code, v.Id, v.Number, v.Title, v.Summary, v.EstimatedMinutes,
                confers[v.Id].Select(c => new ConferredCompetency(c.Id, c.Code, c.SubjectName, c.Name, c.FrameworkCode)).ToList()))
            .ToList();
    }
}
