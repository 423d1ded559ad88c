using CareReady.Core.Data;
using CareReady.Core.Security;
using CareReady.Core.Simulation.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

/// <summary>One AI decision point across learners: how often the AI was right, and how people relied on it there.</summary>
public sealed record AiPointReport(string NodeId, string Title, string Tool, int Decisions, int AiRight, double? InitialAccuracy, double? FinalAccuracy, int OverReliance, int UnderReliance);

/// <summary>One learner's completed runs of a scenario.</summary>
public sealed record LearnerReport(int StaffMemberId, string Name, int Runs, DateTime LastCompletedAt, int Score, int MaxScore, bool? Passed, RelianceSummary Reliance);

public sealed record ScenarioReportResult(
    string Code,
    string Title,
    int Version,
    int CompletedRuns,
    int Learners,
    double? PassRate,
    RelianceSummary Cohort,
    IReadOnlyList<AiPointReport> AiPoints,
    IReadOnlyList<LearnerReport> People);

/// <summary>
/// The educator's report for one scenario (every version): completed runs, pass rate, the cohort's
/// reliance measures, each AI decision point, and each learner. Educators, educator leads, compliance
/// leads and admins of the organisation.
/// </summary>
public sealed class ScenarioReport(AppDbContext db)
{
    public async Task<ScenarioReportResult?> RunAsync(AccessScope scope, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return null;
        }

        var versions = await db.ScenarioVersions.AsNoTracking().Include(v => v.Scenario)
            .Where(v => v.OrganisationId == scope.OrganisationId && v.Scenario!.Code == code).OrderBy(v => v.Number).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }

        var ids = versions.Select(v => v.Id).ToList();
        var runs = await db.ScenarioRuns.AsNoTracking().Include(r => r.Responses)
            .Where(r => r.OrganisationId == scope.OrganisationId && ids.Contains(r.ScenarioVersionId) && r.CompletedAt != null)
            .ToListAsync(ct);
        var staffIds = runs.Select(r => r.StaffMemberId).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => s.OrganisationId == scope.OrganisationId && staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var latest = versions[^1];
        var definitions = versions.ToDictionary(v => v.Id, ScenarioAccess.Definition);

        var points = runs.SelectMany(r => r.Responses.Where(x => x.AiAnswer != null && x.Answer != null).Select(x => (Run: r, Response: x)))
            .GroupBy(x => x.Response.NodeId, StringComparer.Ordinal)
            .Select(g =>
            {
                var node = definitions[g.First().Run.ScenarioVersionId].Node(g.Key);
                var decisions = GetDebrief.AiDecisions(g.Select(x => x.Response));
                var s = RelianceMeasures.Compute(decisions);
                return new AiPointReport(g.Key, node.Title.Length > 0 ? node.Title : node.Id, node.Ai?.Tool ?? string.Empty, s.Cases, s.AiRightCases,
                    s.InitialAccuracy, s.FinalAccuracy, s.OverReliance, s.UnderReliance);
            })
            .OrderBy(p => p.NodeId, StringComparer.Ordinal).ToList();

        var people = runs.GroupBy(r => r.StaffMemberId).Select(g =>
        {
            var last = g.OrderBy(r => r.CompletedAt).Last();
            return new LearnerReport(g.Key, names.GetValueOrDefault(g.Key) ?? "(unknown)", g.Count(), last.CompletedAt!.Value, last.Score, last.MaxScore,
                last.Passed, RelianceMeasures.Compute(GetDebrief.AiDecisions(g.SelectMany(r => r.Responses))));
        }).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

        return new ScenarioReportResult(code, latest.Title, latest.Number, runs.Count, people.Count,
            runs.Count == 0 ? null : (double)runs.Count(r => r.Passed == true) / runs.Count,
            RelianceMeasures.Compute(GetDebrief.AiDecisions(runs.SelectMany(r => r.Responses))), points, people);
    }
}
