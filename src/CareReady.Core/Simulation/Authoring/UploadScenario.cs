using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation.Authoring;

/// <summary>
/// An author uploads a scenario file: it is checked whole (nothing is stored if it has any error, each listed
/// with its JSON path) and becomes the draft version of its code — a new version after the published or
/// retired ones, or the existing draft's file replaced (a returned version keeps its reviewer's note until
/// it is submitted again). A version in review cannot be replaced until it is approved or returned.
/// </summary>
public sealed class UploadScenario(AppDbContext db, TimeProvider time)
{
    public async Task<ScenarioAuthoringResult> RunAsync(AccessScope scope, string json, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return ScenarioAuthoringResult.Forbidden();
        }

        var (scenario, errors) = await ScenarioFile.CheckAsync(db, json, ct);
        if (scenario is null)
        {
            return ScenarioAuthoringResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entity = await db.Scenarios.Include(s => s.Versions).ThenInclude(v => v.Guidelines)
            .FirstOrDefaultAsync(s => s.OrganisationId == scope.OrganisationId && s.Code == scenario.Code, ct);
        if (entity is null)
        {
            entity = new Scenario { OrganisationId = scope.OrganisationId, Code = scenario.Code, CreatedAt = now };
            db.Scenarios.Add(entity);
        }

        if (entity.Versions.FirstOrDefault(v => v.Status == ModuleStatus.InReview) is { } inReview)
        {
            return ScenarioAuthoringResult.Conflict(
                $"Version {inReview.Number} of {scenario.Code} is in review; it must be approved or returned before a new file can be uploaded");
        }

        var draft = entity.Versions.FirstOrDefault(v => v.Status == ModuleStatus.Draft);
        if (draft is null)
        {
            draft = new ScenarioVersion
            {
                OrganisationId = scope.OrganisationId,
                Number = entity.Versions.Count == 0 ? 1 : entity.Versions.Max(v => v.Number) + 1,
                Status = ModuleStatus.Draft,
                Title = "",
                Summary = "",
                Definition = "",
                DefinitionHash = "",
                CreatedBy = actor,
                CreatedAt = now,
            };
            entity.Versions.Add(draft);
        }

        draft.Title = scenario.Title;
        draft.Summary = scenario.Summary;
        draft.EstimatedMinutes = scenario.EstimatedMinutes;
        draft.Definition = json;
        draft.DefinitionHash = ScenarioFile.Hash(json);
        draft.Guidelines.Clear();
        draft.Guidelines.AddRange(ScenarioFile.Citations(scope.OrganisationId, scenario));
        await db.SaveChangesAsync(ct);
        return ScenarioAuthoringResult.Done(scenario.Code, draft.Number);
    }
}
