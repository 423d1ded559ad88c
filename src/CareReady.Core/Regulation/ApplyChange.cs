using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

public sealed record ApplyInput(ChangeAction Action, DateOnly? Deadline);

/// <summary>
/// Applies a proposed change in one transaction: the new version becomes current and the old one
/// superseded; every module whose published content cites the old version is flagged for review; and,
/// for "require the update" or "expire now", every certification that rests on the old version (exactly
/// <see cref="AffectedCertifications"/>, as previewed) is capped — at the deadline, or today. The change
/// records how many were moved and a digest of exactly which, so the audit trail fixes them.
/// </summary>
public sealed class ApplyChange(AppDbContext db, TimeProvider time)
{
    public const int MaxDeadlineMonths = 24;

    /// <returns>Null when the change is not found in the caller's organisation or the caller may not manage changes.</returns>
    public async Task<SaveResult?> RunAsync(AccessScope scope, int changeId, ApplyInput input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!RegulationAccess.CanManage(scope))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var change = await db.RegulatoryChanges.Include(c => c.Source).Include(c => c.FromVersion).Include(c => c.ToVersion)
            .FirstOrDefaultAsync(c => c.Id == changeId && c.OrganisationId == scope.OrganisationId, ct);
        if (change is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (change.Status != ChangeStatus.Proposed)
        {
            errors["Status"] = $"This change is {change.Status.ToString().ToLowerInvariant()}; only a proposed change can be applied";
        }

        else if (change.FromVersion!.Status != GuidelineVersionStatus.Current)
        {
            errors["Status"] = $"Version {change.FromVersion.Label} is no longer current (another change replaced it); dismiss this change or propose it again";
        }

        if (!Enum.IsDefined(input.Action))
        {
            errors[nameof(input.Action)] = "Choose what applying the change does";
        }
        else if (input.Action == ChangeAction.RequireUpdate)
        {
            if (input.Deadline is not DateOnly deadline)
            {
                errors[nameof(input.Deadline)] = "Enter the date by which people must take the updated module";
            }
            else if (deadline <= today)
            {
                errors[nameof(input.Deadline)] = "The deadline must be after today; to end certification today choose \"expire now\"";
            }
            else if (deadline > today.AddMonths(MaxDeadlineMonths))
            {
                errors[nameof(input.Deadline)] = $"The deadline can be at most {MaxDeadlineMonths} months away";
            }
        }

        if (errors.Count > 0)
        {
            return new SaveResult(null, errors);
        }

        var source = change.Source!.Name;
        var from = change.FromVersion!.Label;
        var capped = input.Action is ChangeAction.RequireUpdate or ChangeAction.ExpireNow;
        var validUntil = input.Action == ChangeAction.RequireUpdate ? input.Deadline!.Value : today;
        if (capped)
        {
            var rows = await (await AffectedCertifications.QueryAsync(db, scope.OrganisationId, source, from, today, ct)).ToListAsync(ct);
            var caps = rows.Select(r => new CertificationCap
            {
                OrganisationId = scope.OrganisationId, RegulatoryChangeId = change.Id, StaffMemberId = r.StaffMemberId,
                CompetencyId = r.CompetencyId, CompletionId = r.CompletionId, CompletedOn = r.CompletedOn, ValidUntil = validUntil, CreatedAt = now,
            }).ToList();
            await BulkInsert.InsertAsync(db, caps, db.Database.IsNpgsql() ? 512 : 64, ct);
            change.AffectedCount = rows.Count;
            change.AffectedDigest = AffectedCertifications.Digest(rows, validUntil);
        }

        var citing = AffectedCertifications.CitingVersionIds(db, scope.OrganisationId, source, from);
        var published = await db.ModuleVersions.Where(v => citing.Contains(v.Id) && v.Status == ModuleStatus.Published)
            .Select(v => new { v.Id, v.ModuleId }).ToListAsync(ct);
        foreach (var v in published)
        {
            db.ContentReviewFlags.Add(new ContentReviewFlag
            {
                OrganisationId = scope.OrganisationId, RegulatoryChangeId = change.Id, ModuleId = v.ModuleId, ModuleVersionId = v.Id, RaisedAt = now,
            });
        }

        change.FromVersion.Status = GuidelineVersionStatus.Superseded;
        change.ToVersion!.Status = GuidelineVersionStatus.Current;
        change.Status = ChangeStatus.Applied;
        change.Action = input.Action;
        change.Deadline = capped ? validUntil : null;
        change.AppliedBy = actor;
        change.AppliedAt = now;
        AuditReason.Set(db, input.Action switch
        {
            ChangeAction.RequireUpdate => $"{source} {from} → {change.ToVersion.Label}: {change.AffectedCount} certifications to be renewed on the updated module by {validUntil:yyyy-MM-dd}",
            ChangeAction.ExpireNow => $"{source} {from} → {change.ToVersion.Label}: {change.AffectedCount} certifications expired on {validUntil:yyyy-MM-dd}",
            _ => $"{source} {from} → {change.ToVersion.Label}: content flagged for review",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SaveResult(change.Id, errors);
    }
}
