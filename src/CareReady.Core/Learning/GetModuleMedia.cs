using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

/// <summary>A media file of a module version, for someone who may see that version.</summary>
public sealed class GetModuleMedia(AppDbContext db)
{
    public async Task<ModuleMedia?> RunAsync(AccessScope scope, int versionId, string name, CancellationToken ct = default)
    {
        var version = await db.ModuleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null || !ModuleAccess.CanView(scope, version))
        {
            return null;
        }

        var path = "media/" + name;
        return await db.ModuleMedia.AsNoTracking().FirstOrDefaultAsync(m => m.ModuleVersionId == versionId && m.Path == path, ct);
    }
}
