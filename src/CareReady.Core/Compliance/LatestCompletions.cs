using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareReady.Core.Compliance;

/// <summary>
/// Keeps <see cref="Completion.IsLatest"/> true on exactly one completion per person × competency: the
/// latest by day, then by record (completions saved together count as recorded after every stored one,
/// in the order they were added). Every save through a context goes through <see cref="Interceptor"/>;
/// bulk loads mark their rows with <see cref="MarkNew"/>; <see cref="RepairAsync"/> recomputes the marker
/// from the records (after the migration that introduced it, or to heal a rare race between two
/// simultaneous saves for the same person and competency — the next save for that pair heals it too).
/// </summary>
public static class LatestCompletions
{
    /// <summary>Attached to every <see cref="AppDbContext"/>; runs before the save, inside its transaction.</summary>
    public static SaveChangesInterceptor Interceptor { get; } = new MarkerInterceptor();

    /// <summary>Marks rows of people who have no stored completions yet (a demo or benchmark load).</summary>
    public static void MarkNew(IReadOnlyList<Completion> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var latest = new Dictionary<(int Staff, int Competency), Completion>();
        foreach (var row in rows)
        {
            row.IsLatest = false;
            var key = (row.StaffMemberId, row.CompetencyId);
            if (!latest.TryGetValue(key, out var current) || row.CompletedOn >= current.CompletedOn)
            {
                latest[key] = row;
            }
        }

        foreach (var row in latest.Values)
        {
            row.IsLatest = true;
        }
    }

    /// <summary>Recomputes the marker for one organisation (or all) from the records, in two set-based updates.</summary>
    /// <returns>The number of completions marked latest.</returns>
    public static async Task<int> RepairAsync(AppDbContext db, int? organisationId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scope = db.Completions.Where(c => organisationId == null || c.OrganisationId == organisationId);
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        try
        {
            await scope.Where(c => c.IsLatest).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsLatest, false), ct);
            return await scope
                .Where(c => !db.Completions.Any(l => l.OrganisationId == c.OrganisationId && l.StaffMemberId == c.StaffMemberId
                    && l.CompetencyId == c.CompetencyId && (l.CompletedOn > c.CompletedOn || (l.CompletedOn == c.CompletedOn && l.Id > c.Id))))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsLatest, true), ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>Before a save that adds completions: mark the latest of each pair among the stored marked one and the new ones.</summary>
    internal static async Task MarkAsync(DbContext db, bool async, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<Completion>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var staff = added.Select(c => c.StaffMemberId).Distinct().ToList();
        var competencies = added.Select(c => c.CompetencyId).Distinct().ToList();
        var query = db.Set<Completion>().Where(c => c.IsLatest && staff.Contains(c.StaffMemberId) && competencies.Contains(c.CompetencyId));
        var stored = async ? await query.ToListAsync(ct) : [.. query];

        foreach (var pair in stored.Concat(added).GroupBy(c => (c.StaffMemberId, c.CompetencyId)))
        {
            if (!added.Any(a => a.StaffMemberId == pair.Key.StaffMemberId && a.CompetencyId == pair.Key.CompetencyId))
            {
                continue;
            }

            // Stored rows come first (ordered by id), the new ones after in the order added: the last of the latest day wins.
            var ordered = pair.Where(c => c.Id > 0).OrderBy(c => c.Id).Concat(pair.Where(c => c.Id <= 0)).ToList();
            var winner = ordered[0];
            foreach (var c in ordered)
            {
                if (c.CompletedOn >= winner.CompletedOn)
                {
                    winner = c;
                }
            }

            foreach (var c in ordered)
            {
                var entry = db.Entry(c);
                if (entry.State == EntityState.Added)
                {
                    c.IsLatest = ReferenceEquals(c, winner);
                }
                else if (c.IsLatest != ReferenceEquals(c, winner))
                {
                    entry.Property(x => x.IsLatest).CurrentValue = ReferenceEquals(c, winner);
                }
            }
        }
    }

    private sealed class MarkerInterceptor : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (eventData.Context is { } db)
            {
                MarkAsync(db, async: false, default).GetAwaiter().GetResult();
            }

            return result;
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } db)
            {
                await MarkAsync(db, async: true, cancellationToken);
            }

            return result;
        }
    }
}
