using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

/// <summary>Starts a run of the published version of a scenario for the signed-in person (who must have a staff record).</summary>
public sealed class StartRun(AppDbContext db, TimeProvider time, IngestSimulationStatements lrs)
{
    public async Task<long?> RunAsync(AccessScope scope, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.OwnStaffMemberId is not int staffId)
        {
            return null;
        }

        var version = await db.ScenarioVersions.AsNoTracking().Include(v => v.Scenario)
            .FirstOrDefaultAsync(v => v.OrganisationId == scope.OrganisationId && v.Status == ModuleStatus.Published && v.Scenario!.Code == code, ct);
        if (version is null)
        {
            return null;
        }

        var definition = ScenarioAccess.Definition(version);
        var now = time.GetUtcNow().UtcDateTime;
        var run = new ScenarioRun
        {
            OrganisationId = scope.OrganisationId,
            ScenarioVersionId = version.Id,
            StaffMemberId = staffId,
            StartedAt = now,
            CurrentNode = definition.Start,
            NodeShownAt = now,
            State = JsonSerializer.Serialize(definition.State),
        };
        db.ScenarioRuns.Add(run);
        await db.SaveChangesAsync(ct);
        XapiStatements.Add(db, run, version, definition, "launched", null, null, now);
        await db.SaveChangesAsync(ct);
        await lrs.TryRunAsync(run.OrganisationId, ct);
        return run.Id;
    }
}
