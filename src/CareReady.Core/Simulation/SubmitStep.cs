using System.Globalization;
using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Security;
using CareReady.Core.Simulation.Model;
using CareReady.Core.Simulation.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

/// <summary>
/// What the learner sends for the node they are on: the node id (so a repeated or stale form is refused),
/// the chosen option ids, a number for a numeric question, and a confidence 0–100 (required at AI decision points).
/// </summary>
public sealed record StepInput(string NodeId, IReadOnlyList<string>? Options = null, string? Number = null, int? Confidence = null);

public sealed record StepResult(bool Found, IReadOnlyDictionary<string, string> Problems, bool Completed = false)
{
    public bool Succeeded => Found && Problems.Count == 0;
}

/// <summary>
/// Plays one step of a run: continue past narrative and observations; answer a question or decision
/// (marked, state changed, next node by the links); at an AI decision point, first the initial judgement
/// and confidence (then the AI output is computed — from the real model for early-warning cases — and
/// stored), then the final judgement and confidence. Timers are measured from when the node was first
/// shown; a late answer scores nothing and takes the node's timeout link if it has one. Reaching an end
/// node completes the run, records completions of what the scenario confers when passed, and writes xAPI statements,
/// which are then stored in the organisation's LRS (<see cref="IngestSimulationStatements"/>).
/// </summary>
public sealed class SubmitStep(AppDbContext db, TimeProvider time, IDeteriorationModel model, IngestSimulationStatements lrs)
{
    public async Task<StepResult> RunAsync(AccessScope scope, long runId, StepInput input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var own = scope.OwnStaffMemberId ?? -1;
        var run = await db.ScenarioRuns.Include(r => r.ScenarioVersion).ThenInclude(v => v!.Scenario).Include(r => r.Responses)
            .FirstOrDefaultAsync(r => r.Id == runId && r.OrganisationId == scope.OrganisationId && r.StaffMemberId == own, ct);
        if (run is null)
        {
            return new StepResult(false, new Dictionary<string, string>());
        }

        if (run.CompletedAt is not null || input.NodeId != run.CurrentNode)
        {
            return Problem("nodeId", run.CompletedAt is not null
                ? "This run is finished; see the debrief."
                : "This step has already been answered; the scenario has moved on.");
        }

        var scenario = ScenarioAccess.Definition(run.ScenarioVersion!);
        var node = scenario.Node(run.CurrentNode);
        var state = JsonSerializer.Deserialize<Dictionary<string, double>>(run.State) ?? [];
        var now = time.GetUtcNow().UtcDateTime;
        var elapsed = (now - run.NodeShownAt).TotalSeconds;
        var late = node.TimeLimitSeconds is int limit && elapsed > limit;
        var options = (input.Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Distinct(StringComparer.Ordinal).ToList();
        Option? chosen = null;
        ScenarioResponse? response = null;

        switch (node.Kind)
        {
            case NodeKind.Narrative or NodeKind.Observations:
                break;
            case NodeKind.Question:
            {
                double? number = null;
                if (node.QuestionKind == QuestionKind.Numeric)
                {
                    if (!double.TryParse(input.Number?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                    {
                        return Problem("number", "Enter a number, for example 5 (digits, with a point for decimals).");
                    }

                    number = n;
                }
                else if (OptionProblem(node, options, single: node.QuestionKind == QuestionKind.Single) is { } problem)
                {
                    return Problem("options", problem);
                }

                var right = ScenarioEngine.Mark(scenario, node, options, number);
                response = NewResponse(run, node, now, elapsed, late,
                    number?.ToString(CultureInfo.InvariantCulture) ?? string.Join(",", options), right, input.Confidence);
                break;
            }

            case NodeKind.Decision:
                if (OptionProblem(node, options, single: true) is { } decisionProblem)
                {
                    return Problem("options", decisionProblem);
                }

                chosen = node.Options.First(o => o.Id == options[0]);
                response = NewResponse(run, node, now, elapsed, late, chosen.Id, chosen.Correct, input.Confidence);
                break;
            case NodeKind.AiDecision:
                if (OptionProblem(node, options, single: true) is { } aiProblem)
                {
                    return Problem("options", aiProblem);
                }

                if (input.Confidence is not (>= 0 and <= 100))
                {
                    return Problem("confidence", "Say how confident you are that your answer is right, from 0 to 100%.");
                }

                var pending = run.Responses.FirstOrDefault(r => r.NodeId == node.Id && r.Answer == null && r.InitialAnswer != null);
                if (pending is null)
                {
                    var ai = ScenarioEngine.AiOutput(scenario, node, model);
                    run.Responses.Add(new ScenarioResponse
                    {
                        OrganisationId = run.OrganisationId,
                        NodeId = node.Id,
                        Sequence = run.Responses.Count + 1,
                        InitialAnswer = options[0],
                        InitialConfidence = input.Confidence / 100.0,
                        AiAnswer = ai.Answer,
                        AiCorrect = ai.Answer == node.Correct,
                        CorrectAnswer = node.Correct,
                        AiOutput = JsonSerializer.Serialize(ai),
                        AnsweredAt = now,
                    });
                    await db.SaveChangesAsync(ct);
                    return new StepResult(true, new Dictionary<string, string>());
                }

                response = pending;
                response.Answer = options[0];
                response.Confidence = input.Confidence / 100.0;
                response.Correct = options[0] == node.Correct;
                response.ElapsedSeconds = Math.Round(elapsed, 1);
                response.Late = late;
                response.Points = response.Correct == true && !late ? node.Points : 0;
                response.AnsweredAt = now;
                break;
            default:
                return Problem("nodeId", "This run is finished; see the debrief.");
        }

        if (response is not null)
        {
            run.Score += response.Points;
            run.MaxScore += node.Points;
            XapiStatements.Add(db, run, run.ScenarioVersion!, scenario, "answered", node, response, now);
        }

        node.Changes.ApplyTo(state);
        chosen?.Changes.ApplyTo(state);
        var next = late && node.TimeoutNext is not null ? node.TimeoutNext : ScenarioEngine.Next(node, chosen, state)
            ?? throw new InvalidOperationException($"Node {node.Id} has nowhere to go.");
        run.CurrentNode = next;
        run.NodeShownAt = now;
        run.State = JsonSerializer.Serialize(state);
        var completed = scenario.Node(next).Kind == NodeKind.End;
        if (completed)
        {
            await FinishAsync(run, scenario, now, actor, ct);
        }

        await db.SaveChangesAsync(ct); // the run, its result, completions and xAPI statements (the LRS outbox) together
        await lrs.TryRunAsync(run.OrganisationId, ct);
        return new StepResult(true, new Dictionary<string, string>(), completed);
    }

    private async Task FinishAsync(ScenarioRun run, ScenarioDefinition scenario, DateTime now, string actor, CancellationToken ct)
    {
        run.CompletedAt = now;
        run.Passed = run.MaxScore == 0 || run.Score * 100 >= scenario.PassMark * run.MaxScore;
        XapiStatements.Add(db, run, run.ScenarioVersion!, scenario, "completed", null, null, now);
        XapiStatements.Add(db, run, run.ScenarioVersion!, scenario, run.Passed == true ? "passed" : "failed", null, null, now);
        if (run.Passed != true || scenario.Confers.Count == 0)
        {
            return;
        }

        var competencies = await db.Competencies.AsNoTracking().Where(c => scenario.Confers.Contains(c.Code)).Select(c => c.Id).ToListAsync(ct);
        foreach (var competencyId in competencies)
        {
            db.Completions.Add(new Completion
            {
                OrganisationId = run.OrganisationId,
                StaffMemberId = run.StaffMemberId,
                CompetencyId = competencyId,
                CompletedOn = DateOnly.FromDateTime(now),
                Source = CompletionSource.Simulation,
                Reference = string.Create(CultureInfo.InvariantCulture, $"simulation:{scenario.Code} v{run.ScenarioVersion!.Number} run {run.Id}"),
                RecordedBy = actor,
                RecordedAt = now,
            });
        }
    }

    private static ScenarioResponse NewResponse(ScenarioRun run, ScenarioNode node, DateTime now, double elapsed, bool late, string answer, bool right, int? confidence)
    {
        var response = new ScenarioResponse
        {
            OrganisationId = run.OrganisationId,
            NodeId = node.Id,
            Sequence = run.Responses.Count + 1,
            Answer = answer,
            Correct = right,
            Confidence = confidence is >= 0 and <= 100 ? confidence / 100.0 : null,
            Points = right && !late ? node.Points : 0,
            ElapsedSeconds = Math.Round(elapsed, 1),
            Late = late,
            AnsweredAt = now,
        };
        run.Responses.Add(response);
        return response;
    }

    private static string? OptionProblem(ScenarioNode node, List<string> options, bool single)
    {
        if (options.Count == 0)
        {
            return single ? "Choose one option." : "Choose at least one option.";
        }

        if (single && options.Count > 1)
        {
            return "Choose only one option.";
        }

        var unknown = options.FirstOrDefault(o => node.Options.All(x => x.Id != o));
        return unknown is null ? null : $"\"{unknown}\" is not one of the options.";
    }

    private static StepResult Problem(string field, string message) => new(true, new Dictionary<string, string> { [field] = message });
}
