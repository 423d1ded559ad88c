using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Authoring;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation.Authoring;

/// <summary>
/// An educator lead or compliance lead reviews a scenario version in review, as for modules (ADR 0007):
/// approving publishes it and retires the scenario's previously published version in the same save;
/// returning it sends it back to draft with a note saying what to change. Four eyes: nobody reviews a
/// version they submitted. The audit trail records each change of the version (ScenarioVersion is audited).
/// </summary>
public sealed class ReviewScenario(AppDbContext db, TimeProvider time)
{
    public async Task<ScenarioAuthoringResult> RunAsync(AccessScope scope, string code, int number, ReviewInput input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return ScenarioAuthoringResult.Forbidden();
        }

        var version = await ScenarioVersions.FindAsync(db, scope, code, number, ct);
        if (version is null)
        {
            return ScenarioAuthoringResult.NotFound;
        }

        if (!ScenarioAccess.CanApprove(scope))
        {
            return ScenarioAuthoringResult.Forbidden("Only an educator lead or a compliance lead can review a scenario version");
        }

        if (FourEyesReview.Check(version.Status, ScenarioVersions.Describe(version.Status), number, version.SubmittedBy, actor, input) is { } refusal)
        {
            return refusal.Kind switch
            {
                ReviewRefusalKind.NotInReview => ScenarioAuthoringResult.Conflict(refusal.Message),
                ReviewRefusalKind.OwnSubmission => ScenarioAuthoringResult.Forbidden(refusal.Message),
                _ => ScenarioAuthoringResult.Invalid("note", refusal.Message),
            };
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!input.Approve)
        {
            var note = input.Note!.Trim();
            version.Status = ModuleStatus.Draft;
            version.ReviewNote = note;
            version.SubmittedBy = null;
            version.SubmittedAt = null;
            await db.SaveChangesAsync(ct);
            return ScenarioAuthoringResult.Done(code, number);
        }

        var (scenario, errors) = await ScenarioFile.CheckAsync(db, version.Definition, ct);
        if (scenario is null)
        {
            return ScenarioAuthoringResult.Invalid(errors);
        }

        var published = await db.ScenarioVersions
            .Where(v => v.ScenarioId == version.ScenarioId && v.Status == ModuleStatus.Published && v.Id != version.Id).ToListAsync(ct);
        foreach (var old in published)
        {
            old.Status = ModuleStatus.Retired;
            old.RetiredAt = now;
        }

        version.Status = ModuleStatus.Published;
        version.PublishedBy = actor;
        version.PublishedAt = now;
        version.ReviewNote = null;
        await ScenarioFile.EnsureRegistryAsync(db, version.OrganisationId, scenario, now, ct);
        await db.SaveChangesAsync(ct); // one save: the new version and the retired one commit together or not at all
        return ScenarioAuthoringResult.Done(code, number);
    }
}
