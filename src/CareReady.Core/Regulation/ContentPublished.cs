using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>
/// What the registry does when content is imported or published: the guideline versions it cites join
/// the registry, and publishing a version of a flagged module that no longer cites the superseded
/// version closes the loop (the flag is closed by that version). Adds to the caller's unit of work.
/// </summary>
public static class ContentPublished
{
    public static Task OnImportedAsync(AppDbContext db, ModuleVersion version, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        return GuidelineRegistrySync.EnsureAsync(db, version.OrganisationId, version.Guidelines, now, ct);
    }

    /// <summary>Call before saving the publish; <paramref name="version"/> must have its citations and module id set.</summary>
    public static async Task OnPublishedAsync(AppDbContext db, ModuleVersion version, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(version);
        await GuidelineRegistrySync.EnsureAsync(db, version.OrganisationId, version.Guidelines, now, ct);
        var open = await db.ContentReviewFlags.Where(f => f.ModuleId == version.ModuleId && f.ClosedAt == null)
            .Join(db.RegulatoryChanges, f => f.RegulatoryChangeId, c => c.Id, (f, c) => new { Flag = f, Source = c.Source!.Name, From = c.FromVersion!.Label })
            .ToListAsync(ct);
        foreach (var x in open.Where(x => !version.Guidelines.Any(g => g.Source == x.Source && g.Version == x.From)))
        {
            x.Flag.ClosedAt = now;
            x.Flag.ClosedByVersion = version;
        }
    }
}
