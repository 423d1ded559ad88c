using CareReady.Core.Data;
using CareReady.Core.Learning.Authoring;
using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Authoring;
using CareReady.Core.Simulation.Model;
using CareReady.Core.Simulation.Scenarios;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Simulation;

/// <summary>Clinical simulations: upload, validate, review and publish scenario files, play runs, debriefs, reports and the model card.</summary>
public static class SimulationEndpoints
{
    public static RouteGroupBuilder MapSimulationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/simulations").WithTags("Simulations");

        group.MapGet("", async (CurrentUser current, ListScenarios list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(await current.GetScopeAsync(ct), ct)))
            .WithSummary("Published scenarios of the organisation, with the caller's own runs");

        group.MapPost("/validate", async (HttpRequest request, CurrentUser current, AppDbContext db, CancellationToken ct) =>
        {
            if (!ScenarioAccess.CanAuthor(await current.GetScopeAsync(ct)))
            {
                return Results.Forbid();
            }

            var json = await ReadBodyAsync(request, ct);
            if (json is null)
            {
                return TooLarge();
            }

            var (scenario, errors) = await ScenarioFile.CheckAsync(db, json, ct); // the same check as an upload
            return scenario is not null ? Results.Ok(new { valid = true, code = scenario.Code }) : Invalid(errors, "The scenario file has errors");
        })
            .Accepts<string>("application/json")
            .WithSummary("Check a scenario file (docs/simulation-scenarios.md) without publishing it: every error with its JSON path");

        group.MapPost("", async (HttpRequest request, CurrentUser current, UploadScenario upload, CancellationToken ct) =>
        {
            var json = await ReadBodyAsync(request, ct);
            if (json is null)
            {
                return TooLarge();
            }

            var result = await upload.RunAsync(await current.GetScopeAsync(ct), json, await current.GetActorAsync(), ct);
            return result.Succeeded
                ? Results.Created($"/api/v1/simulations/{result.Code}/versions/{result.Number}", new { code = result.Code, version = result.Number, status = "draft" })
                : Refused(result, "The scenario file was not accepted");
        })
            .Accepts<string>("application/json")
            .WithSummary("Upload a scenario file as the draft version of its code (a new version, or the current draft replaced); nothing is stored if it has errors, each listed with its JSON path");

        group.MapGet("/{code}/versions", async (string code, CurrentUser current, ListScenarioVersions list, CancellationToken ct) =>
            await list.RunAsync(await current.GetScopeAsync(ct), code, ct) switch
            {
                null => Results.Forbid(),
                { Count: 0 } => Results.NotFound(),
                var versions => Results.Ok(versions.Select(VersionDto.From)),
            })
            .WithSummary("Every version of a scenario with its review state (draft, in-review, published, retired), for authors and reviewers");

        group.MapPost("/{code}/versions/{number:int}/submit", async (string code, int number, CurrentUser current, SubmitScenario submit, CancellationToken ct) =>
        {
            var result = await submit.RunAsync(await current.GetScopeAsync(ct), code, number, await current.GetActorAsync(), ct);
            return result.Succeeded ? Results.Ok(new { code, version = number, status = "in-review" }) : Refused(result, "The version was not submitted");
        })
            .WithSummary("Send a draft scenario version for review by a different educator lead or compliance lead");

        group.MapPost("/{code}/versions/{number:int}/review", async (string code, int number, ReviewInput input, CurrentUser current, ReviewScenario review, CancellationToken ct) =>
        {
            var result = await review.RunAsync(await current.GetScopeAsync(ct), code, number, input, await current.GetActorAsync(), ct);
            return result.Succeeded
                ? Results.Ok(new { code, version = number, status = input.Approve ? "published" : "draft" })
                : Refused(result, "The review was not recorded");
        })
            .WithSummary("Approve ({\"approve\":true}: publishes it, retiring the previous version) or return ({\"approve\":false,\"note\":…}) a scenario version in review; never by the person who submitted it");

        group.MapPost("/{code}/runs", async (string code, CurrentUser current, StartRun start, CancellationToken ct) =>
            await start.RunAsync(await current.GetScopeAsync(ct), code, ct) is { } id
                ? Results.Created($"/api/v1/simulations/runs/{id}", new { id })
                : Results.NotFound())
            .WithSummary("Start a run of the published version of a scenario (the caller must have a staff record)");

        group.MapGet("/runs/{id:long}", async (long id, CurrentUser current, GetRunView view, CancellationToken ct) =>
            await view.RunAsync(await current.GetScopeAsync(ct), id, ct) is { } v ? Results.Ok(RunDto.From(v)) : Results.NotFound())
            .WithSummary("Where the caller's run is: the node to answer (no answers included), and at an AI decision point's second step the AI output");

        group.MapPost("/runs/{id:long}/steps", async (long id, StepInput input, CurrentUser current, SubmitStep submit, CancellationToken ct) =>
            await submit.RunAsync(await current.GetScopeAsync(ct), id, input, await current.GetActorAsync(), ct) switch
            {
                { Found: false } => Results.NotFound(),
                { Succeeded: true } r => Results.Ok(new { completed = r.Completed }),
                var r when r.Problems.ContainsKey("nodeId") => Results.Problem(r.Problems["nodeId"], statusCode: StatusCodes.Status409Conflict, title: "Not the current step"),
                var r => Results.ValidationProblem(r.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }), title: "The answer was not accepted"),
            })
            .WithSummary("Answer the current node: {nodeId, options, number, confidence}. At an AI decision point send the initial judgement, then the final one");

        group.MapGet("/runs/{id:long}/debrief", async (long id, CurrentUser current, GetDebrief debrief, CancellationToken ct) =>
            await debrief.RunAsync(await current.GetScopeAsync(ct), id, ct) is { } d ? Results.Ok(d) : Results.NotFound())
            .WithSummary("Per-decision feedback and the reliance measures (RAIR, RSR, over- and under-reliance, Brier of confidence) for the caller's run");

        group.MapGet("/{code}/report", async (string code, CurrentUser current, ScenarioReport report, CancellationToken ct) =>
        {
            var scope = await current.GetScopeAsync(ct);
            if (!ScenarioAccess.CanAuthor(scope))
            {
                return Results.Forbid();
            }

            return await report.RunAsync(scope, code, ct) is { } r ? Results.Ok(r) : Results.NotFound();
        })
            .WithSummary("Educator report for a scenario: cohort reliance, each AI decision point, each learner");

        group.MapGet("/team", async (CurrentUser current, TeamRelianceReport report, CancellationToken ct) =>
            await report.RunAsync(await current.GetScopeAsync(ct), ct) is { } r ? Results.Ok(r) : Results.Forbid())
            .WithSummary("Reliance measures per person and for the team, for the people the caller manages");

        group.MapGet("/model-card", (IDeteriorationModel model) => TypedResults.Ok(model.Card))
            .WithSummary("The deterioration model's card: intended use, scope, population, held-out AUROC, Brier, ECE, calibration, failure modes");

        group.MapGet("/statements", async (CurrentUser current, AppDbContext db, long? after, CancellationToken ct) =>
        {
            var scope = await current.GetScopeAsync(ct);
            if (!scope.OrganisationWide)
            {
                return Results.Forbid();
            }

            var rows = await db.SimulationStatements.AsNoTracking()
                .Where(s => s.OrganisationId == scope.OrganisationId && s.Id > (after ?? 0)).OrderBy(s => s.Id).Take(500)
                .Select(s => new { s.Id, s.Json }).ToListAsync(ct);
            return Results.Text("{\"statements\":[" + string.Join(",", rows.Select(r => r.Json)) + "],\"last\":" + (rows.Count == 0 ? after ?? 0 : rows[^1].Id) + "}", "application/json");
        })
            .WithSummary("xAPI 1.0.3 statements of the organisation's simulation runs, in order, 500 at a time after an id (for the LRS to ingest)");

        return api;
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ScenarioParser.MaxBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        return text.Length > ScenarioParser.MaxBytes ? null : text;
    }

    private static IResult TooLarge() =>
        Results.Problem($"A scenario file is at most {ScenarioParser.MaxBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Refused(ScenarioAuthoringResult result, string title) => result.Outcome switch
    {
        AuthoringOutcome.NotFound => Results.NotFound(),
        AuthoringOutcome.Forbidden => Results.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        AuthoringOutcome.Conflict => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: title),
        _ => Invalid(result.Errors, title),
    };

    private static IResult Invalid(IReadOnlyList<ScenarioError> errors, string title) => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = title,
        Detail = errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors: " + string.Join(" ", errors.Take(5).Select(e => e + ";")),
        Extensions = { ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToList() },
    });
}
