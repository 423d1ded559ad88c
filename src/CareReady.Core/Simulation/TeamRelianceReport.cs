using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

public sealed record TeamMemberReliance(int StaffMemberId, string Name, int CompletedRuns, int Passed, RelianceSummary Reliance);

public sealed record TeamRelianceResult(int People, int CompletedRuns, RelianceSummary Team, IReadOnlyList<TeamMemberReliance> Members);

/// <summary>
/// A manager's view of simulation results for the people they may see (their departments; the whole
/// organisation for compliance leads and admins): completed runs and the reliance measures per person
/// and for the team. Null for someone who manages nobody.
/// </summary>
public sealed class TeamRelianceReport(AppDbContext db)
{
    public async Task<TeamRelianceResult?> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanSeeTeams)
        {
            return null;
        }

        var visible = scope.VisibleStaff(db).Select(s => s.Id);
        var runs = await db.ScenarioRuns.AsNoTracking().Include(r => r.Responses)
            .Where(r => r.OrganisationId == scope.OrganisationId && r.CompletedAt != null && visible.Contains(r.StaffMemberId))
            .ToListAsync(ct);
        var staffIds = runs.Select(r => r.StaffMemberId).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var members = runs.GroupBy(r => r.StaffMemberId)
            .Select(g => new TeamMemberReliance(g.Key, names.GetValueOrDefault(g.Key) ?? "(unknown)", g.Count(), g.Count(r => r.Passed == true),
                RelianceMeasures.Compute(GetDebrief.AiDecisions(g.SelectMany(r => r.Responses)))))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        return new TeamRelianceResult(members.Count, runs.Count, RelianceMeasures.Compute(GetDebrief.AiDecisions(runs.SelectMany(r => r.Responses))), members);
    }
}
