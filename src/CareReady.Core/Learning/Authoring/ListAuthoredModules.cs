using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record AuthoredVersion(int Number, ModuleStatus Status, string Title, string CreatedBy, DateTime CreatedAt,
    string? SubmittedBy, string? PublishedBy, DateTime? PublishedAt);

public sealed record AuthoredModule(int ModuleId, string Code, string Title, IReadOnlyList<AuthoredVersion> Versions);

/// <summary>Every module of the organisation with all its versions and their status, for authors (null for anyone else).</summary>
public sealed class ListAuthoredModules(AppDbContext db)
{
    public async Task<IReadOnlyList<AuthoredModule>?> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return null;
        }

        var versions = await db.ModuleVersions.AsNoTracking()
            .Where(v => v.OrganisationId == scope.OrganisationId)
            .Select(v => new { v.ModuleId, v.Module!.Code, Version = new AuthoredVersion(v.Number, v.Status, v.Title, v.CreatedBy, v.CreatedAt, v.SubmittedBy, v.PublishedBy, v.PublishedAt) })
            .ToListAsync(ct);
        return versions.GroupBy(v => (v.ModuleId, v.Code))
            .Select(g =>
            {
                var list = g.Select(v => v.Version).OrderByDescending(v => v.Number).ToList();
                var shown = list.FirstOrDefault(v => v.Status == ModuleStatus.Published) ?? list[0];
                return new AuthoredModule(g.Key.ModuleId, g.Key.Code, shown.Title, list);
            })
            .OrderBy(m => m.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
