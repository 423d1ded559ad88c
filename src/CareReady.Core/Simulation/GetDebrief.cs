using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Security;
using CareReady.Core.Simulation.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

/// <summary>One decision in the debrief: what the learner did, what was right, and (at an AI decision point) what the AI said and how they relied on it.</summary>
public sealed record DebriefItem(
    string NodeId,
    string Title,
    string Prompt,
    string Kind,
    string? Answer,
    string RightAnswer,
    bool Correct,
    bool Late,
    string? Feedback,
    string? InitialAnswer,
    double? InitialConfidence,
    double? FinalConfidence,
    AiShown? Ai,
    bool? AiCorrect,
    string? Reliance);

public sealed record Debrief(
    long RunId,
    string Code,
    int Version,
    string Title,
    DateTime StartedAt,
    DateTime? CompletedAt,
    int Score,
    int MaxScore,
    bool? Passed,
    string EndText,
    IReadOnlyList<DebriefItem> Items,
    RelianceSummary Reliance,
    IReadOnlyList<string> Feedback);

/// <summary>The end-of-scenario debrief: per-decision feedback and the reliance measures in plain words. The learner's own runs only.</summary>
public sealed class GetDebrief(AppDbContext db)
{
    public async Task<Debrief?> RunAsync(AccessScope scope, long runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var own = scope.OwnStaffMemberId ?? -1;
        var run = await db.ScenarioRuns.AsNoTracking().Include(r => r.ScenarioVersion).ThenInclude(v => v!.Scenario).Include(r => r.Responses)
            .FirstOrDefaultAsync(r => r.Id == runId && r.OrganisationId == scope.OrganisationId && r.StaffMemberId == own, ct);
        return run is null ? null : Build(run);
    }

    public static Debrief Build(ScenarioRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scenario = ScenarioAccess.Definition(run.ScenarioVersion!);
        var items = run.Responses.Where(r => r.Answer != null).OrderBy(r => r.Sequence).Select(r => Item(scenario, r)).ToList();
        var reliance = RelianceMeasures.Compute(AiDecisions(run.Responses));
        var end = scenario.Node(run.CurrentNode);
        return new Debrief(run.Id, run.ScenarioVersion!.Scenario!.Code, run.ScenarioVersion.Number, scenario.Title, run.StartedAt, run.CompletedAt,
            run.Score, run.MaxScore, run.Passed, end.Kind == NodeKind.End ? end.Text : string.Empty, items, reliance, RelianceMeasures.Feedback(reliance));
    }

    /// <summary>The finished AI decision points of some responses, as inputs to the reliance measures.</summary>
    public static List<AiDecision> AiDecisions(IEnumerable<ScenarioResponse> responses) => responses
        .Where(r => r.AiAnswer != null && r.Answer != null && r.InitialAnswer != null)
        .Select(r => new AiDecision(r.InitialAnswer!, r.InitialConfidence ?? 0.5, r.AiAnswer!, r.Answer!, r.Confidence ?? 0.5,
            r.CorrectAnswer ?? string.Empty))
        .ToList();

    private static DebriefItem Item(ScenarioDefinition scenario, ScenarioResponse r)
    {
        var node = scenario.Node(r.NodeId);
        string Text(string? ids) => ids is null ? string.Empty : string.Join("; ", ids.Split(',').Select(id => node.Options.FirstOrDefault(o => o.Id == id)?.Text ?? id));
        AiShown? ai = r.AiOutput is { } json ? JsonSerializer.Deserialize<AiShown>(json) : null;
        string? reliance = null;
        if (ai is not null)
        {
            var decision = new AiDecision(r.InitialAnswer!, r.InitialConfidence ?? 0.5, r.AiAnswer!, r.Answer!, r.Confidence ?? 0.5, node.Correct!);
            reliance = decision switch
            {
                { OverReliance: true } => "Over-reliance: you switched to the AI's answer, and the AI was wrong.",
                { UnderReliance: true } => "Under-reliance: the AI was right and you did not take its answer.",
                { InitialRight: false, SwitchedToAi: true } => "Appropriate reliance: you were wrong at first and took the AI's correct answer.",
                { InitialRight: true, AiRight: false } => "Appropriate self-reliance: the AI was wrong and you kept your correct answer.",
                { AiRight: false, FinalRight: false } => "The AI was wrong and so was your answer (you had not changed it to the AI's).",
                _ => "You and the AI agreed, and were right.",
            };
        }

        return new DebriefItem(node.Id, node.Title, node.Text, node.Kind.ToString(), node.QuestionKind == QuestionKind.Numeric && node.Kind == NodeKind.Question ? r.Answer : Text(r.Answer),
            ScenarioEngine.RightAnswerText(scenario, node), r.Correct == true, r.Late,
            node.Kind == NodeKind.Decision ? node.Options.FirstOrDefault(o => o.Id == r.Answer)?.Consequence ?? node.Feedback : node.Feedback,
            r.InitialAnswer is null ? null : Text(r.InitialAnswer), r.InitialConfidence, r.Confidence, ai, r.AiCorrect, reliance);
    }
}
