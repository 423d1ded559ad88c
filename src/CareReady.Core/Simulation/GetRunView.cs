using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Security;
using CareReady.Core.Simulation.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

/// <summary>Where a learner is in a run: the node, which step of an AI decision, what the AI said, and the last consequence.</summary>
public sealed record RunView(
    long RunId,
    string Code,
    int Version,
    string Title,
    bool Completed,
    ScenarioDefinition Scenario,
    ScenarioNode Node,
    bool AwaitingFinal,
    string? InitialAnswer,
    double? InitialConfidence,
    AiShown? Ai,
    string? Consequence,
    int? SecondsLeft,
    int Answered);

/// <summary>The run as its owner sees it now (other people's runs are not found).</summary>
public sealed class GetRunView(AppDbContext db, TimeProvider time)
{
    public async Task<RunView?> RunAsync(AccessScope scope, long runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var own = scope.OwnStaffMemberId ?? -1;
        var run = await db.ScenarioRuns.AsNoTracking().Include(r => r.ScenarioVersion).ThenInclude(v => v!.Scenario).Include(r => r.Responses)
            .FirstOrDefaultAsync(r => r.Id == runId && r.OrganisationId == scope.OrganisationId && r.StaffMemberId == own, ct);
        if (run is null)
        {
            return null;
        }

        var scenario = ScenarioAccess.Definition(run.ScenarioVersion!);
        var node = scenario.Node(run.CurrentNode);
        var pending = run.Responses.FirstOrDefault(r => r.NodeId == node.Id && r.Answer == null && r.InitialAnswer != null);
        var last = run.Responses.OrderByDescending(r => r.Sequence).FirstOrDefault();
        string? consequence = null;
        if (last is { Answer: not null } && last.AnsweredAt == run.NodeShownAt)
        {
            var lastNode = scenario.Node(last.NodeId);
            consequence = lastNode.Options.FirstOrDefault(o => o.Id == last.Answer)?.Consequence;
        }

        int? secondsLeft = null;
        if (node.TimeLimitSeconds is int limit && run.CompletedAt is null)
        {
            var elapsed = (time.GetUtcNow().UtcDateTime - run.NodeShownAt).TotalSeconds;
            secondsLeft = (int)Math.Max(0, Math.Ceiling(limit - elapsed));
        }

        return new RunView(run.Id, run.ScenarioVersion!.Scenario!.Code, run.ScenarioVersion.Number, scenario.Title, run.CompletedAt is not null,
            scenario, node, pending is not null, pending?.InitialAnswer, pending?.InitialConfidence,
            pending?.AiOutput is { } json ? JsonSerializer.Deserialize<AiShown>(json) : null,
            consequence, secondsLeft, run.Responses.Count(r => r.Answer != null));
    }
}
