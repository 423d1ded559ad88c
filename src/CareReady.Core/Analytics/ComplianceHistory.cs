using System.Collections.Concurrent;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Core.Analytics;

/// <summary>
/// Compliance per unit and subject on any past day, for the dashboards and the impact view. It uses the
/// compliance engine (docs/decisions/0005: the same answers as <see cref="Compliance.ComputeComplianceSnapshot"/>,
/// tested) loaded per organisation, and remembers each day's <see cref="ComplianceEngine.AsOf"/> result while
/// that engine is held. A singleton.
/// <para>
/// Only the first request for an organisation waits for its engine to load. When an engine is older than
/// <see cref="MaxAge"/> the next request starts a reload in the background (with its own database context)
/// and is answered from the held engine; the new engine computes the days the old one had been asked for
/// before it replaces it, so a dashboard does not wait for a reload (docs/decisions/0015) — unless nobody asked
/// for longer than <see cref="MaxStale"/>, when figures that old are not shown and the request waits.
/// </para>
/// </summary>
public sealed class ComplianceHistory(TimeProvider time, IServiceScopeFactory? scopes = null)
{
    /// <summary>How long a loaded engine is used before a reload starts (new completions show after about this).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>An engine older than this (nobody asked for a while) is not shown: the request waits for a fresh one.</summary>
    public static readonly TimeSpan MaxStale = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<int, Lazy<Task<Entry>>> entries = new();
    private readonly ConcurrentDictionary<int, byte> reloading = new();
    private readonly ConcurrentDictionary<int, Task> reloads = new();

    /// <summary>Per department (and the organisation, and sites) on the day: per-subject required / compliant.</summary>
    public async Task<IReadOnlyList<UnitSummary>> AsOfAsync(AppDbContext db, int organisationId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var entry = await EntryAsync(db, organisationId, cancellationToken);
        return entry.Days.GetOrAdd(day, d => entry.Engine.AsOf(organisationId, d));
    }

    /// <summary>Drops the loaded engine of an organisation (after an import, in tests).</summary>
    public void Forget(int organisationId) => entries.TryRemove(organisationId, out _);

    /// <summary>Whether an engine of the organisation is loaded and held.</summary>
    public bool IsHeld(int organisationId) =>
        entries.TryGetValue(organisationId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully;

    /// <summary>The organisation's latest background reload (completed when none is running; tests wait for it).</summary>
    public Task ReloadOf(int organisationId) => reloads.TryGetValue(organisationId, out var task) ? task : Task.CompletedTask;

    private async Task<Entry> EntryAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = entries.GetOrAdd(organisationId, id => new Lazy<Task<Entry>>(() => LoadOwnAsync(db, id, null)));
            Entry entry;
            try
            {
                entry = await lazy.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                entries.TryRemove(new KeyValuePair<int, Lazy<Task<Entry>>>(organisationId, lazy));
                throw;
            }

            var age = time.GetUtcNow() - entry.LoadedAt;
            if (age <= MaxAge)
            {
                return entry;
            }

            if (scopes is not null && age <= MaxStale)
            {
                StartReload(organisationId, lazy, entry);
                return entry;
            }

            // Too old to show, or no way to open a context of our own (the command line): load now, the caller waits.
            entries.TryRemove(new KeyValuePair<int, Lazy<Task<Entry>>>(organisationId, lazy));
        }
    }

    private void StartReload(int organisationId, Lazy<Task<Entry>> held, Entry stale)
    {
        if (!reloading.TryAdd(organisationId, 0))
        {
            return; // one reload at a time per organisation
        }

        reloads[organisationId] = Task.Run(async () =>
        {
            try
            {
                var fresh = await LoadOwnAsync(null, organisationId, stale.Days.Keys.ToList());
                entries.TryUpdate(organisationId, new Lazy<Task<Entry>>(Task.FromResult(fresh)), held);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or System.Data.Common.DbException or OperationCanceledException)
            {
                // The held engine keeps answering; the next request after MaxAge tries again.
            }
            finally
            {
                reloading.TryRemove(organisationId, out _);
            }
        });
    }

    /// <summary>Loads in a context of its own when it can (so a caller that goes away takes nothing with it), else in the caller's.</summary>
    private async Task<Entry> LoadOwnAsync(AppDbContext? callers, int organisationId, IReadOnlyList<DateOnly>? warmDays)
    {
        if (scopes is null)
        {
            return await LoadAsync(callers!, organisationId, warmDays, CancellationToken.None);
        }

        await using var scope = scopes.CreateAsyncScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), organisationId, warmDays, CancellationToken.None);
    }

    private async Task<Entry> LoadAsync(AppDbContext db, int organisationId, IReadOnlyList<DateOnly>? warmDays, CancellationToken cancellationToken)
    {
        var engine = await ComplianceEngineLoader.LoadAsync(db, [organisationId], cancellationToken);
        var entry = new Entry(engine, time.GetUtcNow());
        foreach (var day in warmDays ?? [])
        {
            entry.Days[day] = engine.AsOf(organisationId, day);
        }

        return entry;
    }

    private sealed record Entry(ComplianceEngine Engine, DateTimeOffset LoadedAt)
    {
        public ConcurrentDictionary<DateOnly, IReadOnlyList<UnitSummary>> Days { get; } = new();
    }
}
