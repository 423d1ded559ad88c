using CareReady.Core.Data;
using CareReady.Core.Pathways.Fsrs;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>Reads an organisation's FSRS parameters: its fitted weights and target retention, or the defaults.</summary>
public static class RefresherParameters
{
    /// <summary>Questions in one refresher session: about 30 seconds each, so a session stays within five minutes.</summary>
    public const int SessionSize = 8;

    public static async Task<FsrsParameters> ForAsync(AppDbContext db, int organisationId, CancellationToken ct = default)
    {
        var settings = await db.PathwaySettings.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationId == organisationId, ct);
        return settings?.ToParameters() ?? FsrsParameters.Default;
    }
}
