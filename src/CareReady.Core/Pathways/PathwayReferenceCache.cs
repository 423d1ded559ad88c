using System.Collections.Concurrent;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways;

/// <summary>
/// What the plan reads on every visit but that hardly ever changes, kept in memory: the competency
/// catalogue with its subjects (reloaded every ten minutes) and the question keys of each published
/// module version (a published version never changes, so they are kept for good). Register as a singleton.
/// </summary>
public sealed class PathwayReferenceCache(TimeProvider time)
{
    public static readonly TimeSpan CatalogueLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<int, IReadOnlyList<string>> _questionKeys = new();
    private volatile CatalogueEntry? _catalogue;

    /// <summary>Every competency by id, with its subject (treat as read-only).</summary>
    public async Task<IReadOnlyDictionary<int, Competency>> CompetenciesAsync(AppDbContext db, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_catalogue is { } cached && now - cached.Loaded < CatalogueLifetime)
        {
            return cached.Competencies;
        }

        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToDictionaryAsync(c => c.Id, ct);
        _catalogue = new CatalogueEntry(now, competencies);
        return competencies;
    }

    /// <summary>The question keys of published module versions (only ask for published ones: they never change).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> QuestionKeysAsync(AppDbContext db, IReadOnlyCollection<int> publishedVersionIds, CancellationToken ct = default)
    {
        var missing = publishedVersionIds.Where(id => !_questionKeys.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var loaded = await db.Questions.AsNoTracking().Where(q => missing.Contains(q.ModuleVersionId))
                .Select(q => new { q.ModuleVersionId, q.Key }).ToListAsync(ct);
            foreach (var id in missing)
            {
                _questionKeys[id] = loaded.Where(q => q.ModuleVersionId == id).Select(q => q.Key).ToList();
            }
        }

        return publishedVersionIds.Distinct().ToDictionary(id => id, id => _questionKeys[id]);
    }

    private sealed record CatalogueEntry(DateTimeOffset Loaded, IReadOnlyDictionary<int, Competency> Competencies);
}
