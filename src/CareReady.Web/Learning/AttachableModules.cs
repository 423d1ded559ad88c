using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Learning;

/// <summary>The organisation's modules a SCORM package or cmi5 course can be attached to, once each: latest title and code.</summary>
public static class AttachableModules
{
    public static async Task<IReadOnlyList<(int Id, string Label)>> ListAsync(AppDbContext db, int organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.Modules.AsNoTracking().Where(m => m.OrganisationId == organisationId)
                .Select(m => new { m.Id, m.Code, Title = m.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).FirstOrDefault() })
                .ToListAsync(ct))
            .OrderBy(m => m.Title, StringComparer.Ordinal)
            .Select(m => (m.Id, $"{m.Title} ({m.Code})"))
            .ToList();
    }
}
