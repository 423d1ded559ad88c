using CareReady.Core.Learning;
using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;

namespace CareReady.Web.Learning.Authoring;

/// <summary>
/// The authoring API (the same use cases as the pages) under /api/v1/authoring: modules and versions,
/// details, review, retire, compare; lessons, outcomes and questions are in <see cref="AuthoringContentEndpoints"/>.
/// Not an author → 403; another organisation's module → 404; a problem → 400 with field errors; wrong state → 409.
/// </summary>
public static class AuthoringEndpoints
{
    public static RouteGroupBuilder MapAuthoringEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/authoring").WithTags("Authoring").RequireAuthorization();

        group.MapGet("/modules", async (CurrentUser current, ListAuthoredModules list, CancellationToken ct) =>
                await list.RunAsync(await current.GetScopeAsync(ct), ct) is { } modules ? Results.Ok(modules) : Forbidden())
            .WithSummary("Every module of my organisation with all its versions and their status");

        group.MapPost("/modules", async (CreateModuleInput body, CurrentUser current, CreateModule create, CancellationToken ct) =>
                Http(await create.RunAsync(await current.GetScopeAsync(ct), body, await current.GetActorAsync(), ct), r => Created(r)))
            .WithSummary("Create a module and its first version as a draft");

        group.MapGet("/modules/{moduleId:int}/versions/{number:int}", async (int moduleId, int number, CurrentUser current, GetAuthoringVersion get, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (!ModuleAccess.CanAuthor(scope))
                {
                    return Forbidden();
                }

                return await get.RunAsync(scope, moduleId, number, await current.GetActorAsync(), ct) is { } found
                    ? Results.Ok(AuthoringVersionResponse.From(found))
                    : Results.NotFound();
            })
            .WithSummary("One version with all its content, and what stops it going for review");

        group.MapPost("/modules/{moduleId:int}/versions", async (int moduleId, CurrentUser current, NewDraftVersion start, CancellationToken ct) =>
                Http(await start.RunAsync(await current.GetScopeAsync(ct), moduleId, await current.GetActorAsync(), ct), r => Created(r)))
            .WithSummary("Start the next version as a draft: a copy of the latest version");

        group.MapPut("/modules/{moduleId:int}/versions/{number:int}", async (int moduleId, int number, DraftDetailsInput body, CurrentUser current,
                UpdateDraftDetails update, CancellationToken ct) =>
                Http(await update.RunAsync(await current.GetScopeAsync(ct), moduleId, number, body, ct)))
            .WithSummary("Change a draft's details, assessment rules and competencies conferred");

        group.MapPost("/modules/{moduleId:int}/versions/{number:int}/submit", async (int moduleId, int number, CurrentUser current,
                SubmitForReview submit, CancellationToken ct) =>
                Http(await submit.RunAsync(await current.GetScopeAsync(ct), moduleId, number, await current.GetActorAsync(), ct)))
            .WithSummary("Submit a complete draft for review (400 lists every problem)");

        group.MapPost("/modules/{moduleId:int}/versions/{number:int}/review", async (int moduleId, int number, ReviewInput body, CurrentUser current,
                ReviewVersion review, CancellationToken ct) =>
                Http(await review.RunAsync(await current.GetScopeAsync(ct), moduleId, number, body, await current.GetActorAsync(), ct)))
            .WithSummary("Approve (publish, retiring the previous version) or send back with a note; not your own submission");

        group.MapPost("/modules/{moduleId:int}/versions/{number:int}/retire", async (int moduleId, int number, CurrentUser current,
                RetireVersion retire, CancellationToken ct) =>
                Http(await retire.RunAsync(await current.GetScopeAsync(ct), moduleId, number, ct)))
            .WithSummary("Retire a published version");

        group.MapGet("/modules/{moduleId:int}/compare", async (int moduleId, int from, int to, CurrentUser current, CompareVersions compare, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (!ModuleAccess.CanAuthor(scope))
                {
                    return Forbidden();
                }

                return await compare.RunAsync(scope, moduleId, from, to, ct) is { } found ? Results.Ok(found) : Results.NotFound();
            })
            .WithSummary("What changed between two versions: details, lessons (line diff), outcomes, questions, competencies");

        group.MapAuthoringContentEndpoints();
        return api;
    }

    /// <summary>An authoring result as HTTP: done → 204 (or <paramref name="done"/>), 400 with field errors, 403, 404 or 409.</summary>
    internal static IResult Http(AuthoringResult result, Func<AuthoringResult, IResult>? done = null) => result.Outcome switch
    {
        AuthoringOutcome.Done => done?.Invoke(result) ?? Results.NoContent(),
        AuthoringOutcome.NotFound => Results.NotFound(),
        AuthoringOutcome.Forbidden => Results.Problem(result.Errors.Values.FirstOrDefault(), statusCode: StatusCodes.Status403Forbidden),
        AuthoringOutcome.Conflict => Results.Problem(result.Errors.Values.FirstOrDefault(), statusCode: StatusCodes.Status409Conflict),
        _ => Results.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal)),
    };

    private static IResult Created(AuthoringResult r) =>
        Results.Created($"/api/v1/authoring/modules/{r.ModuleId}/versions/{r.VersionNumber}", new VersionCreated(r.ModuleId, r.VersionNumber));

    private static IResult Forbidden() => Results.Problem("Only educators, educator leads, compliance leads and administrators can author modules.",
        statusCode: StatusCodes.Status403Forbidden);
}

public sealed record VersionCreated(int ModuleId, int VersionNumber);

public sealed record MoveRequest(int To);
