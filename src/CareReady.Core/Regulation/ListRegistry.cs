using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

public sealed record RegistryVersion(int Id, string Label, GuidelineVersionStatus Status, ChangeSeverity Severity, DateOnly? EffectiveFrom, string? Summary, int CitedBy);

public sealed record RegistrySource(int Id, string Name, string? Publisher, string? Url, IReadOnlyList<RegistryVersion> Versions);

/// <summary>A module flagged for review because its content cites a superseded guideline version.</summary>
public sealed record OpenReviewFlag(int ModuleId, string ModuleCode, int VersionNumber, string Title, int ChangeId, string ChangeTitle, DateTime RaisedAt);

public sealed record Registry(IReadOnlyList<RegistrySource> Sources, IReadOnlyList<ChangeSummary> Changes, IReadOnlyList<OpenReviewFlag> Flags);

/// <summary>The organisation's guideline registry: sources with their versions (and how many module versions cite each), every change, and open review flags.</summary>
public sealed class ListRegistry(AppDbContext db)
{
    public async Task<Registry?> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!RegulationAccess.CanManage(scope))
        {
            return null;
        }

        var org = scope.OrganisationId;
        var citations = await db.ModuleVersions.Where(v => v.OrganisationId == org).SelectMany(v => v.Guidelines)
            .GroupBy(g => new { g.Source, g.Version }).Select(g => new { g.Key.Source, g.Key.Version, Count = g.Count() })
            .ToListAsync(ct);
        var cited = citations.ToDictionary(c => (c.Source, c.Version), c => c.Count);
        var sources = await db.GuidelineSources.AsNoTracking().Include(s => s.Versions).Where(s => s.OrganisationId == org).ToListAsync(ct);
        // Ordered before the projection: EF Core cannot order by a member of a constructor-projected record.
        var changes = await ChangeSummary.Project(db.RegulatoryChanges.Where(c => c.OrganisationId == org)
            .OrderByDescending(c => c.ProposedAt).ThenByDescending(c => c.Id)).ToListAsync(ct);
        var flags = await (from f in db.ContentReviewFlags
                           join v in db.ModuleVersions on f.ModuleVersionId equals v.Id
                           join c in db.RegulatoryChanges on f.RegulatoryChangeId equals c.Id
                           where f.OrganisationId == org && f.ClosedAt == null
                           orderby f.RaisedAt, v.Module!.Code
                           select new OpenReviewFlag(f.ModuleId, v.Module!.Code, v.Number, v.Title, c.Id, c.Title, f.RaisedAt)).ToListAsync(ct);
        return new Registry(
            [.. sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new RegistrySource(s.Id, s.Name, s.Publisher, s.Url,
                [.. s.Versions.OrderByDescending(v => v.Status == GuidelineVersionStatus.Current).ThenByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Id)
                    .Select(v => new RegistryVersion(v.Id, v.Label, v.Status, v.Severity, v.EffectiveFrom, v.Summary, cited.GetValueOrDefault((s.Name, v.Label))))]))],
            changes, flags);
    }
}
