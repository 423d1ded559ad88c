using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

public sealed record ScenarioSummary(string Code, int Version, string Title, string Summary, int EstimatedMinutes, int Runs, int Completed, bool? LastPassed, long? OpenRunId);

/// <summary>The organisation's published scenarios, with the signed-in person's own runs of each.</summary>
public sealed class ListScenarios(AppDbContext db)
{
    public async Task<IReadOnlyList<ScenarioSummary>> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var own = scope.OwnStaffMemberId ?? -1;
        var versions = await db.ScenarioVersions.AsNoTracking()
            .Where(v => v.OrganisationId == scope.OrganisationId && v.Status == ModuleStatus.Published)
            .Select(v => new { v.Id, v.Scenario!.Code, v.Number, v.Title, v.Summary, v.EstimatedMinutes, v.ScenarioId })
            .ToListAsync(ct);
        var scenarioIds = versions.Select(v => v.ScenarioId).ToList();
        var runs = await db.ScenarioRuns.AsNoTracking()
            .Where(r => r.OrganisationId == scope.OrganisationId && r.StaffMemberId == own && scenarioIds.Contains(r.ScenarioVersion!.ScenarioId))
            .Select(r => new { r.Id, r.ScenarioVersion!.ScenarioId, r.CompletedAt, r.Passed, r.StartedAt })
            .ToListAsync(ct);
        return versions.OrderBy(v => v.Title, StringComparer.Ordinal).Select(v =>
        {
            var mine = runs.Where(r => r.ScenarioId == v.ScenarioId).OrderBy(r => r.StartedAt).ToList();
            return new ScenarioSummary(v.Code, v.Number, v.Title, v.Summary, v.EstimatedMinutes, mine.Count, mine.Count(r => r.CompletedAt != null),
                mine.LastOrDefault(r => r.CompletedAt != null)?.Passed, mine.LastOrDefault(r => r.CompletedAt == null)?.Id);
        }).ToList();
    }
}
