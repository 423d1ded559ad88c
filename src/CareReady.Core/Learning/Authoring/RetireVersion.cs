using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>Withdraws a published version (an educator lead or compliance lead): learners no longer see the module until another version is published.</summary>
public sealed class RetireVersion(AppDbContext db, TimeProvider time)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, CancellationToken ct = default)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return AuthoringResult.Forbidden();
        }

        var version = await AuthoringVersions.Of(db, scope, moduleId, number).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return AuthoringResult.NotFound;
        }

        if (!ModuleAccess.CanApprove(scope))
        {
            return AuthoringResult.Forbidden("Only an educator lead or a compliance lead can retire a version");
        }

        if (version.Status != ModuleStatus.Published)
        {
            return AuthoringResult.Conflict($"Version {number} is {AuthoringVersions.Describe(version.Status)}; only a published version can be retired");
        }

        version.Status = ModuleStatus.Retired;
        version.RetiredAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
