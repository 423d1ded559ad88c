using CareReady.Core.Compliance;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>
/// Voiding withdraws what the voided statement counted for: the completions <see cref="RecordXapiCompletions"/>
/// recorded for it (source Xapi, reference "xAPI statement {id} (…)") are deleted — through the change
/// tracker, so the audit trail keeps a "deleted" record of each — together with any regulatory caps
/// placed on them, and the person's previous completion of the competency (if any) becomes the latest
/// again. The compliance engine then sees the certification as it was before the statement. Runs inside
/// the statement write's transaction.
/// </summary>
public static class WithdrawXapiCompletions
{
    public static async Task RunAsync(AppDbContext db, int organisationId, IReadOnlyCollection<Guid> voided, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var withdrawn = new List<Completion>();
        foreach (var id in voided)
        {
            var prefix = $"xAPI statement {id:D} (";
            withdrawn.AddRange(await db.Completions
                .Where(c => c.OrganisationId == organisationId && c.Source == CompletionSource.Xapi && c.Reference != null && c.Reference.StartsWith(prefix))
                .ToListAsync(ct));
        }

        if (withdrawn.Count == 0)
        {
            return;
        }

        var ids = withdrawn.Select(c => c.Id).ToList();
        await db.CertificationCaps.Where(c => ids.Contains(c.CompletionId)).ExecuteDeleteAsync(ct);
        db.Completions.RemoveRange(withdrawn);
        await db.SaveChangesAsync(ct);

        var restored = new List<Completion>();
        // The latest marker moves back to the newest remaining completion of each pair that lost its latest one.
        foreach (var pair in withdrawn.Where(c => c.IsLatest).Select(c => (c.StaffMemberId, c.CompetencyId)).Distinct())
        {
            var previous = await db.Completions
                .Where(c => c.OrganisationId == organisationId && c.StaffMemberId == pair.StaffMemberId && c.CompetencyId == pair.CompetencyId)
                .OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.Id)
                .FirstOrDefaultAsync(ct);
            if (previous is not null && !previous.IsLatest)
            {
                previous.IsLatest = true;
                restored.Add(previous);
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var completion in restored)
        {
            db.Entry(completion).State = EntityState.Detached;
        }
    }
}
