using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using CareReady.Core.Simulation.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

public sealed record PublishScenarioResult(bool Allowed, IReadOnlyList<ScenarioError> Errors, string? Code = null, int? Number = null, int? VersionId = null)
{
    public bool Succeeded => Allowed && Errors.Count == 0;
}

/// <summary>
/// Checks a scenario file whole and publishes it as the next version of its code (retiring the previous
/// version), or publishes nothing and lists every problem with its JSON path. The competencies it
/// confers must exist in the catalogue.
/// </summary>
public sealed class PublishScenario(AppDbContext db, TimeProvider time)
{
    public async Task<PublishScenarioResult> RunAsync(AccessScope scope, string json, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return new PublishScenarioResult(false, []);
        }

        return await PublishAsync(scope.OrganisationId, json, actor, ct);
    }

    /// <summary>Publishes without a user (the demo seed); the same checks.</summary>
    public async Task<PublishScenarioResult> PublishAsync(int organisationId, string json, string actor, CancellationToken ct = default)
    {
        var parsed = ScenarioParser.Parse(json);
        if (!parsed.Succeeded)
        {
            return new PublishScenarioResult(true, parsed.Errors);
        }

        var scenario = parsed.Scenario!;
        var known = await db.Competencies.AsNoTracking().Where(c => scenario.Confers.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        var errors = scenario.Confers.Select((c, i) => (c, i)).Where(x => !known.Contains(x.c))
            .Select(x => new ScenarioError($"$.confers[{x.i}]", $"\"{x.c}\" is not a competency in the catalogue.")).ToList();
        if (errors.Count > 0)
        {
            return new PublishScenarioResult(true, errors);
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
            PublishedBy = actor,
            PublishedAt = now,
        };
        entity.Versions.Add(version);
        await db.SaveChangesAsync(ct);
        return new PublishScenarioResult(true, [], scenario.Code, version.Number, version.Id);
    }
}
