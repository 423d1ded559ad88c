using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Simulation.Authoring;
using CareReady.Core.Simulation.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

public sealed record PublishScenarioResult(IReadOnlyList<ScenarioError> Errors, string? Code = null, int? Number = null, int? VersionId = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Publishes the shipped seed scenarios without a review (the demo seed and tests): they are reviewed as
/// code in this repository. People's files go through <see cref="UploadScenario"/>, <see cref="SubmitScenario"/>
/// and <see cref="ReviewScenario"/> instead. The same checks as an upload; retires the previous version.
/// </summary>
public sealed class PublishScenario(AppDbContext db, TimeProvider time)
{
    public async Task<PublishScenarioResult> PublishAsync(int organisationId, string json, string actor, CancellationToken ct = default)
    {
        var (scenario, errors) = await ScenarioFile.CheckAsync(db, json, ct);
        if (scenario is null)
        {
            return new PublishScenarioResult(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entity = await db.Scenarios.Include(s => s.Versions)
            .FirstOrDefaultAsync(s => s.OrganisationId == organisationId && s.Code == scenario.Code, ct);
        if (entity is null)
        {
            entity = new Scenario { OrganisationId = organisationId, Code = scenario.Code, CreatedAt = now };
            db.Scenarios.Add(entity);
        }

        foreach (var old in entity.Versions.Where(v => v.Status == ModuleStatus.Published))
        {
            old.Status = ModuleStatus.Retired;
            old.RetiredAt = now;
        }

        var version = new ScenarioVersion
        {
            OrganisationId = organisationId,
            Number = entity.Versions.Count == 0 ? 1 : entity.Versions.Max(v => v.Number) + 1,
            Status = ModuleStatus.Published,
            Title = scenario.Title,
            Summary = scenario.Summary,
            EstimatedMinutes = scenario.EstimatedMinutes,
            Definition = json,
            DefinitionHash = ScenarioFile.Hash(json),
            CreatedBy = actor,
            CreatedAt = now,
            PublishedBy = actor,
            PublishedAt = now,
            Guidelines = [.. ScenarioFile.Citations(organisationId, scenario)],
        };
        entity.Versions.Add(version);
        await ScenarioFile.EnsureRegistryAsync(db, organisationId, scenario, now, ct);
        await db.SaveChangesAsync(ct);
        return new PublishScenarioResult([], scenario.Code, version.Number, version.Id);
    }
}
