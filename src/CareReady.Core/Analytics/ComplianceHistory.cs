using System.Collections.Concurrent;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;

namespace CareReady.Core.Analytics;

/// <summary>
/// Compliance per unit and subject on any past day, for the dashboards and the impact view. It uses the
/// compliance engine (docs/decisions/0005: the same answers as <see cref="Compliance.ComputeComplianceSnapshot"/>,
/// tested) loaded per organisation and kept for <see cref="MaxAge"/>, and remembers each day's
/// <see cref="ComplianceEngine.AsOf"/> result while that engine is kept. A singleton.
/// </summary>
public sealed class ComplianceHistory(TimeProvider time)
{
    /// <summary>How long a loaded engine is used before it is loaded again (new completions show after at most this).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<int, Lazy<Task<Entry>>> entries = new();

    /// <summary>Per department (and the organisation, and sites) on the day: per-subject required / compliant.</summary>
    public async Task<IReadOnlyList<UnitSummary>> AsOfAsync(AppDbContext db, int organisationId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var entry = await EntryAsync(db, organisationId, cancellationToken);
        return entry.Days.GetOrAdd(day, d => entry.Engine.AsOf(organisationId, d));
    }

    /// <summary>Drops the loaded engine of an organisation (after an import, in tests).</summary>
    public void Forget(int organisationId) => entries.TryRemove(organisationId, out _);

    private async Task<Entry> EntryAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = entries.GetOrAdd(organisationId, id => new Lazy<Task<Entry>>(() => LoadAsync(db, id, cancellationToken)));
            Entry entry;
            try
            {
                entry = await lazy.Value;
            }
            catch
            {
                entries.TryRemove(new KeyValuePair<int, Lazy<Task<Entry>>>(organisationId, lazy));
                throw;
            }

            if (time.GetUtcNow() - entry.LoadedAt <= MaxAge)
            {
                return entry;
            }

            entries.TryRemove(new KeyValuePair<int, Lazy<Task<Entry>>>(organisationId, lazy));
        }
    }

    private async Task<Entry> LoadAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken)
    {
        var engine = await ComplianceEngineLoader.LoadAsync(db, [organisationId], cancellationToken);
        return new Entry(engine, time.GetUtcNow());
    }

    private sealed record Entry(ComplianceEngine Engine, DateTimeOffset LoadedAt)
    {
        public ConcurrentDictionary<DateOnly, IReadOnlyList<UnitSummary>> Days { get; } = new();
    }
}
