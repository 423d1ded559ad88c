using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;

namespace CareReady.Core.Simulation.Authoring;

/// <summary>An author sends a draft scenario version for review (its file is checked again: the catalogue may have changed).</summary>
public sealed class SubmitScenario(AppDbContext db, TimeProvider time)
{
    public async Task<ScenarioAuthoringResult> RunAsync(AccessScope scope, string code, int number, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return ScenarioAuthoringResult.Forbidden();
        }

        var version = await ScenarioVersions.FindAsync(db, scope, code, number, ct);
        if (version is null)
        {
            return ScenarioAuthoringResult.NotFound;
        }

        if (version.Status != ModuleStatus.Draft)
        {
            return ScenarioAuthoringResult.Conflict($"Version {number} is {ScenarioVersions.Describe(version.Status)}; only a draft can be submitted for review");
        }

        var (scenario, errors) = await ScenarioFile.CheckAsync(db, version.Definition, ct);
        if (scenario is null)
        {
            return ScenarioAuthoringResult.Invalid(errors);
        }

        version.Status = ModuleStatus.InReview;
        version.SubmittedBy = actor;
        version.SubmittedAt = time.GetUtcNow().UtcDateTime;
        version.ReviewNote = null;
        await db.SaveChangesAsync(ct);
        return ScenarioAuthoringResult.Done(code, number);
    }
}
