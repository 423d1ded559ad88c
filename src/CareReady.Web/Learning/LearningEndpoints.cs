using CareReady.Core.Assessments;
using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Learning;

/// <summary>
/// The learner's API (the same use cases as the pages): my learning, the catalogue, starting and
/// submitting an attempt — and the media files lessons show (outside /api, under the version).
/// </summary>
public static class LearningEndpoints
{
    public static RouteGroupBuilder MapLearningEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Learning").RequireAuthorization();

        group.MapGet("/me/learning", async Task<Results<Ok<MyLearning>, NotFound>> (CurrentUser current, GetMyLearning get, CancellationToken ct) =>
                await get.RunAsync(await current.GetScopeAsync(ct), ct) is { } learning ? TypedResults.Ok(learning) : TypedResults.NotFound())
            .WithSummary("My learning: overdue, due soon, required, in progress, recommended, and history");

        group.MapGet("/me/elearning-preferences", async Task<Results<Ok<ElearningPreferencesView>, NotFound>> (CurrentUser current, GetElearningPreferences get, CancellationToken ct) =>
                await current.GetScopeAsync(ct) is { OwnStaffMemberId: int person } scope
                    ? TypedResults.Ok(await get.RunAsync(scope.OrganisationId, person, ct))
                    : TypedResults.NotFound())
            .WithSummary("My e-learning preferences: language (an RFC 5646 tag) and sound on or off, handed to SCORM packages and cmi5 courses at launch");

        group.MapPut("/me/elearning-preferences", async Task<Results<Ok<ElearningPreferencesView>, NotFound, ValidationProblem>> (
                ElearningPreferencesView body, CurrentUser current, SaveElearningPreferences save, CancellationToken ct) =>
            {
                if (await current.GetScopeAsync(ct) is not { OwnStaffMemberId: int person } scope)
                {
                    return TypedResults.NotFound();
                }

                var result = await save.RunAsync(scope.OrganisationId, person, body, ct);
                return result.Saved is { } saved
                    ? TypedResults.Ok(saved)
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = [result.Problem!] });
            })
            .WithSummary("Set my e-learning preferences ({\"language\":\"cy-GB\",\"audioOn\":false}); 400 naming the field when the language is not offered");

        group.MapGet("/modules", async (CurrentUser current, ListModules list, CancellationToken ct) =>
                TypedResults.Ok(await list.RunAsync((await current.GetUserAsync()).OrganisationId, ct)))
            .WithSummary("Published modules of my organisation");

        group.MapPost("/modules/{moduleId:int}/attempts", async Task<Results<Created<AttemptStarted>, Ok<AttemptStarted>, NotFound, ProblemHttpResult>> (
                int moduleId, CurrentUser current, StartAttempt start, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (scope.OwnStaffMemberId is not int person)
                {
                    return TypedResults.Problem("Your account is not linked to a staff record.", statusCode: StatusCodes.Status403Forbidden);
                }

                var result = await start.RunAsync(scope.OrganisationId, person, moduleId, ct);
                return result.Outcome switch
                {
                    StartAttemptOutcome.Started => TypedResults.Created($"/api/v1/attempts/{result.AttemptId}", new AttemptStarted(result.AttemptId!.Value)),
                    StartAttemptOutcome.Resumed => TypedResults.Ok(new AttemptStarted(result.AttemptId!.Value)),
                    StartAttemptOutcome.AttemptsUsedUp => TypedResults.Problem(
                        $"All attempts are used. Contact {result.Contact ?? "your line manager or the education team"}.", statusCode: StatusCodes.Status409Conflict),
                    _ => TypedResults.NotFound(),
                };
            })
            .WithSummary("Start (or resume) an attempt at a module's published version");

        group.MapGet("/attempts/{id:long}", async Task<Results<Ok<AttemptResponse>, NotFound>> (long id, CurrentUser current, GetAttempt get, CancellationToken ct) =>
                (await current.GetUserAsync()).StaffMemberId is int person && await get.RunAsync(person, id, ct) is { } attempt
                    ? TypedResults.Ok(AttemptResponse.From(attempt))
                    : TypedResults.NotFound())
            .WithSummary("One of my attempts: questions (options in the order shown) and, once submitted, the marking and feedback");

        group.MapPost("/attempts/{id:long}/submit", async Task<Results<Ok<SubmitResponse>, NotFound, ValidationProblem, Conflict>> (
                long id, SubmitRequest body, CurrentUser current, SubmitAttempt submit, CancellationToken ct) =>
            {
                if ((await current.GetUserAsync()).StaffMemberId is not int person)
                {
                    return TypedResults.NotFound();
                }

                var result = await submit.RunAsync(person, new SubmitAttemptInput(id, body.Responses), await current.GetActorAsync(), ct);
                if (!result.Found)
                {
                    return TypedResults.NotFound();
                }

                if (result.Problems.ContainsKey(0))
                {
                    return TypedResults.Conflict();
                }

                return result.Succeeded
                    ? TypedResults.Ok(new SubmitResponse(result.ScorePercent, result.Passed))
                    : TypedResults.ValidationProblem(result.Problems.ToDictionary(p => $"responses.{p.Key}", p => new[] { p.Value }));
            })
            .WithSummary("Submit answers: responses keyed by question position (option indices \"0,2\", \"true\", a number, or item indices in order)");

        return api;
    }

    public static WebApplication MapLearningMedia(this WebApplication app)
    {
        app.MapGet("/learning/versions/{versionId:int}/media/{name}", async Task<Results<FileContentHttpResult, NotFound>> (
                int versionId, string name, HttpContext http, CurrentUser current, GetModuleMedia get, CancellationToken ct) =>
            {
                if (await get.RunAsync(await current.GetScopeAsync(ct), versionId, name, ct) is not { } media)
                {
                    return TypedResults.NotFound();
                }

                // Media come from packages: never let a file (an SVG, say) run script in our origin.
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, max-age=86400";
                return TypedResults.File(media.Content, media.ContentType);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}

public sealed record AttemptStarted(long AttemptId);

public sealed record SubmitRequest(Dictionary<int, string?> Responses);

public sealed record SubmitResponse(int ScorePercent, bool Passed);

public sealed record AttemptItemResponse(
    int Position, string QuestionKey, string Outcome, string Type, string Text, IReadOnlyList<ShownChoice> Options, string? Unit,
    string? Response, bool? Correct, string? CorrectAnswer, string? Feedback);

/// <summary>An option or ordering item as shown: its index in the question (what a response refers to) and its text.</summary>
public sealed record ShownChoice(int Index, string Text);

public sealed record AttemptResponse(
    long Id, int Number, int ModuleId, string Title, int PassMarkPercent, DateTime StartedAt, DateTime? SubmittedAt,
    int? ScorePercent, bool Passed, IReadOnlyList<AttemptItemResponse> Items)
{
    public static AttemptResponse From(AttemptView a) => new(a.Id, a.Number, a.ModuleId, a.Title, a.PassMarkPercent, a.StartedAt, a.SubmittedAt,
        a.ScorePercent, a.Passed, a.Items.Select(i =>
        {
            var q = i.Question;
            var shown = q.Type switch
            {
                QuestionType.Single or QuestionType.Multiple => i.Presented.Select(x => new ShownChoice(x, q.Options[x].Text)).ToList(),
                QuestionType.Ordering => i.Presented.Select(x => new ShownChoice(x, q.Items[x])).ToList(),
                _ => [],
            };
            var marked = !a.IsOpen;
            return new AttemptItemResponse(i.Position, q.Key, q.OutcomeCode, q.Type.ToString(), q.Text, shown, q.Unit,
                i.Response, i.Correct, marked ? AnswerText.Correct(q) : null, marked ? q.Feedback : null);
        }).ToList());
}
