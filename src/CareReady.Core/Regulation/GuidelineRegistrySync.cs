using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>
/// Keeps the registry in step with the content: every guideline version a module version cites gets a
/// registry entry (source and version, exactly as cited) if it has none, so a change can always be
/// proposed against what the content rests on. Adds to the caller's unit of work; does not save.
/// </summary>
public static class GuidelineRegistrySync
{
    public static async Task EnsureAsync(AppDbContext db, int organisationId, IEnumerable<GuidelineCitation> citations, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cited = citations.Select(c => (Source: c.Source.Trim(), Version: c.Version.Trim())).Distinct().ToList();
        if (cited.Count == 0)
        {
            return;
        }

        var names = cited.Select(c => c.Source).Distinct().ToList();
        var sources = await db.GuidelineSources.Include(s => s.Versions)
            .Where(s => s.OrganisationId == organisationId && names.Contains(s.Name)).ToListAsync(ct);
        foreach (var (name, label) in cited)
        {
            var source = sources.FirstOrDefault(s => s.Name == name)
                ?? db.GuidelineSources.Local.FirstOrDefault(s => s.OrganisationId == organisationId && s.Name == name);
            if (source is null)
            {
                source = new GuidelineSource { OrganisationId = organisationId, Name = name, CreatedAt = now };
                db.GuidelineSources.Add(source);
                sources.Add(source);
            }

            if (!source.Versions.Any(v => v.Label == label))
            {
                source.Versions.Add(new GuidelineVersion
                {
                    OrganisationId = organisationId, Label = label, Status = GuidelineVersionStatus.Current,
                    Severity = ChangeSeverity.Information, CreatedAt = now,
                });
            }
        }
    }

    /// <summary>Brings every module version's citations of the organisation into the registry (demo seeding, upgrades).</summary>
    public static async Task EnsureAllAsync(AppDbContext db, int organisationId, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var citations = await db.ModuleVersions.Where(v => v.OrganisationId == organisationId)
            .SelectMany(v => v.Guidelines).AsNoTracking().ToListAsync(ct);
        await EnsureAsync(db, organisationId, citations, now, ct);
    }
}
