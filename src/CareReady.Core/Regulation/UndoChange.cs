using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>
/// Undoes an applied change while nobody has acted on it yet (no affected person has recorded a new
/// completion of an affected competency since it was applied): its caps are revoked (kept, with the time),
/// its review flags closed, and the old version is current again (the new one withdrawn until proposed again). The audit trail records the undo.
/// </summary>
public sealed class UndoChange(AppDbContext db, TimeProvider time)
{
    public async Task<SaveResult?> RunAsync(AccessScope scope, int changeId, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!RegulationAccess.CanManage(scope))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var change = await db.RegulatoryChanges.Include(c => c.FromVersion).Include(c => c.ToVersion)
            .FirstOrDefaultAsync(c => c.Id == changeId && c.OrganisationId == scope.OrganisationId, ct);
        if (change is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (change.Status != ChangeStatus.Applied)
        {
            errors["Status"] = "Only an applied change can be undone";
        }
        else if (await AnyoneActedAsync(db, change, ct))
        {
            errors["Status"] = "Someone has already completed the training this change asked for, so it can no longer be undone";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.CertificationCaps.Where(k => k.RegulatoryChangeId == change.Id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        foreach (var flag in await db.ContentReviewFlags.Where(f => f.RegulatoryChangeId == change.Id && f.ClosedAt == null).ToListAsync(ct))
        {
            flag.ClosedAt = now;
        }

        change.FromVersion!.Status = GuidelineVersionStatus.Current;
        change.ToVersion!.Status = GuidelineVersionStatus.Withdrawn; // proposing it again reuses it
        change.Status = ChangeStatus.Undone;
        change.ClosedBy = actor;
        change.ClosedAt = now;
        AuditReason.Set(db, $"Undone: {change.AffectedCount} certification caps revoked");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SaveResult(change.Id, errors);
    }

    /// <summary>True when an affected person has recorded a (new) completion of an affected competency since the change was applied.</summary>
    public static async Task<bool> AnyoneActedAsync(AppDbContext db, RegulatoryChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        if (change.AppliedAt is not DateTime applied)
        {
            return false;
        }

        return await db.CertificationCaps.Where(k => k.RegulatoryChangeId == change.Id)
            .AnyAsync(k => db.Completions.Any(c => c.StaffMemberId == k.StaffMemberId && c.CompetencyId == k.CompetencyId
                && c.OrganisationId == k.OrganisationId && c.Id != k.CompletionId && c.RecordedAt >= applied), ct);
    }
}
