using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation.Bench;

/// <summary>
/// Prepares the national benchmark data for a guideline change on a framework-wide subject (information
/// governance, required of everyone, yearly): each trust gets an e-learning module citing a data-security
/// guideline, and the trust's IG completions of the last few months are recorded as passes of it — so the
/// people whose latest IG training was on that module are exactly those a change to the guideline touches.
/// Idempotent; undoes what an interrupted earlier run left behind.
/// </summary>
public static class ChangeBenchmarkSetup
{
    public const string Source = "Data Security and Protection Toolkit (benchmark)";
    public const string Version = "2024-25";
    public const string ModuleCode = "BENCH-IG";
    public const string Competency = "CSTF-IG-1";

    public static async Task<IReadOnlyList<int>> PrepareAsync(AppDbContext db, DateOnly day, int months, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(log);
        var organisations = await db.Organisations.Where(o => o.Code.StartsWith(Compliance.Engine.BenchDataGenerator.CodePrefix))
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var competency = await db.Competencies.Where(c => c.Code == Competency).Select(c => c.Id).SingleAsync(ct);
        var now = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        await CleanUpAsync(db, ct);

        var attributed = 0;
        foreach (var org in organisations)
        {
            var version = await db.ModuleVersions.Where(v => v.OrganisationId == org && v.Module!.Code == ModuleCode).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
            if (version is null)
            {
                var created = new ModuleVersion
                {
                    OrganisationId = org, Module = new Module { OrganisationId = org, Code = ModuleCode, CreatedAt = now }, Number = 1,
                    Status = ModuleStatus.Published, Title = "Data security awareness", Summary = "Benchmark module.", CreatedBy = "bench", CreatedAt = now,
                    PublishedBy = "bench", PublishedAt = now,
                    Guidelines = [new GuidelineCitation { Source = Source, Version = Version }],
                    Confers = [new ModuleConferral { CompetencyId = competency }],
                };
                db.ModuleVersions.Add(created);
                await GuidelineRegistrySync.EnsureAsync(db, org, created.Guidelines, now, ct);
                await db.SaveChangesAsync(ct);
                version = created.Id;
            }

            var since = day.AddMonths(-months);
            attributed += await db.Completions
                .Where(c => c.OrganisationId == org && c.CompetencyId == competency && c.CompletedOn >= since && c.ModuleVersionId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ModuleVersionId, version).SetProperty(c => c.Source, CompletionSource.Module), ct);
            db.ChangeTracker.Clear();
        }

        log($"Prepared {organisations.Count} trusts: module {ModuleCode} citing \"{Source}\" {Version}; {attributed:N0} IG completions of the last {months} months attributed to it (0 when already done).");
        return organisations;
    }

    /// <summary>Removes the benchmark's changes (caps, flags, versions) so the next run starts from the same state.</summary>
    public static async Task CleanUpAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changes = db.RegulatoryChanges.Where(c => c.Source!.Name == Source);
        await db.CertificationCaps.Where(k => changes.Any(c => c.Id == k.RegulatoryChangeId)).ExecuteDeleteAsync(ct);
        await db.ContentReviewFlags.Where(f => changes.Any(c => c.Id == f.RegulatoryChangeId)).ExecuteDeleteAsync(ct);
        var versions = await changes.Select(c => c.ToVersionId).ToListAsync(ct);
        await changes.ExecuteDeleteAsync(ct);
        await db.GuidelineVersions.Where(v => versions.Contains(v.Id)).ExecuteDeleteAsync(ct);
        await db.GuidelineVersions.Where(v => v.Source!.Name == Source && v.Label == Version)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, GuidelineVersionStatus.Current), ct);
    }
}
