using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Scorm;

/// <summary>A file of a SCORM package, for a signed-in person of its organisation who may see its module version.</summary>
public sealed class GetScormFile(AppDbContext db)
{
    public async Task<ScormFile?> RunAsync(AccessScope scope, int packageId, string path, CancellationToken ct = default)
    {
        var version = await db.ScormPackages.AsNoTracking()
            .Where(p => p.Id == packageId && p.OrganisationId == scope.OrganisationId)
            .Join(db.ModuleVersions, p => p.ModuleVersionId, v => v.Id, (p, v) => v)
            .FirstOrDefaultAsync(ct);
        if (version is null || !ModuleAccess.CanView(scope, version))
        {
            return null;
        }

        return await db.ScormFiles.AsNoTracking()
            .FirstOrDefaultAsync(f => f.ScormPackageId == packageId && f.OrganisationId == scope.OrganisationId && f.Path == path, ct);
    }
}
