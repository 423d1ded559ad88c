using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

/// <summary>Ends an exemption early. The row is kept (revoked), so history shows it ever existed.</summary>
public sealed class RevokeExemption(AppDbContext db, TimeProvider time)
{
    /// <returns>False when not found, already revoked, or outside what the caller may approve.</returns>
    public async Task<bool> RunAsync(AccessScope scope, int exemptionId, string actor, CancellationToken cancellationToken = default)
    {
        var exemption = await db.Exemptions.FirstOrDefaultAsync(e => e.Id == exemptionId && e.OrganisationId == scope.OrganisationId, cancellationToken);
        if (exemption is null || exemption.RevokedAt is not null
            || !await EvidenceAccess.CanApproveForAsync(db, scope, exemption.StaffMemberId, cancellationToken))
        {
            return false;
        }

        exemption.RevokedAt = time.GetUtcNow().UtcDateTime;
        exemption.RevokedBy = actor;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
