using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>Dismisses a proposed change (e.g. a feed entry that does not concern this organisation); its proposed version is withdrawn.</summary>
public sealed class DismissChange(AppDbContext db, TimeProvider time)
{
    public async Task<SaveResult?> RunAsync(AccessScope scope, int changeId, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!RegulationAccess.CanManage(scope))
        {
            return null;
        }

        var change = await db.RegulatoryChanges.Include(c => c.ToVersion)
            .FirstOrDefaultAsync(c => c.Id == changeId && c.OrganisationId == scope.OrganisationId, ct);
        if (change is null)
        {
            return null;
        }

        if (change.Status != ChangeStatus.Proposed)
        {
            return new SaveResult(null, new Dictionary<string, string> { ["Status"] = "Only a proposed change can be dismissed" });
        }

        change.Status = ChangeStatus.Dismissed;
        change.ToVersion!.Status = GuidelineVersionStatus.Withdrawn;
        change.ClosedBy = actor;
        change.ClosedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new SaveResult(change.Id, new Dictionary<string, string>());
    }
}
