using CareReady.Core.Compliance;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>
/// A pass on a module version that still cites a version an applied change superseded (the update is not
/// published yet, or the person took the old version) cannot reset the clock past that change: its new
/// completions get the same cap as the change gave everyone else. Adds to the caller's unit of work.
/// </summary>
public static class StaleContentCaps
{
    public static async Task AddAsync(AppDbContext db, int moduleVersionId, IReadOnlyList<Completion> saved, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.Count == 0)
        {
            return;
        }

        var organisationId = saved[0].OrganisationId;
        var cited = db.ModuleVersions.Where(v => v.Id == moduleVersionId).SelectMany(v => v.Guidelines);
        var changes = await db.RegulatoryChanges
            .Where(c => c.OrganisationId == organisationId && c.Status == ChangeStatus.Applied && c.Deadline != null
                && cited.Any(g => g.Source == c.Source!.Name && g.Version == c.FromVersion!.Label))
            .Select(c => new { c.Id, Until = c.Deadline!.Value })
            .ToListAsync(ct);
        foreach (var change in changes)
        {
            foreach (var completion in saved)
            {
                db.CertificationCaps.Add(new CertificationCap
                {
                    OrganisationId = organisationId, RegulatoryChangeId = change.Id, StaffMemberId = completion.StaffMemberId,
                    CompetencyId = completion.CompetencyId, CompletionId = completion.Id, CompletedOn = completion.CompletedOn,
                    ValidUntil = change.Until, CreatedAt = now,
                });
            }
        }
    }
}
