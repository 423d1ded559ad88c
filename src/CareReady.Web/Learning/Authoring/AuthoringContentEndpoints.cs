using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Lessons, learning outcomes and questions of a draft, through the API.</summary>
public static class AuthoringContentEndpoints
{
    public static RouteGroupBuilder MapAuthoringContentEndpoints(this RouteGroupBuilder group)
    {
        var version = group.MapGroup("/modules/{moduleId:int}/versions/{number:int}");

        version.MapPost("/lessons", async (int moduleId, int number, LessonInput body, CurrentUser current, SaveLesson save, CancellationToken ct) =>
            AuthoringEndpoints.Http(await save.RunAsync(await current.GetScopeAsync(ct), moduleId, number, null, body, ct))).WithSummary("Add a lesson at the end");
        version.MapPut("/lessons/{position:int}", async (int moduleId, int number, int position, LessonInput body, CurrentUser current, SaveLesson save, CancellationToken ct) =>
            AuthoringEndpoints.Http(await save.RunAsync(await current.GetScopeAsync(ct), moduleId, number, position, body, ct))).WithSummary("Change a lesson");
        version.MapDelete("/lessons/{position:int}", async (int moduleId, int number, int position, CurrentUser current, RemoveLesson remove, CancellationToken ct) =>
            AuthoringEndpoints.Http(await remove.RunAsync(await current.GetScopeAsync(ct), moduleId, number, position, ct))).WithSummary("Remove a lesson");
        version.MapPost("/lessons/{position:int}/move", async (int moduleId, int number, int position, MoveRequest body, CurrentUser current, MoveLesson move, CancellationToken ct) =>
            AuthoringEndpoints.Http(await move.RunAsync(await current.GetScopeAsync(ct), moduleId, number, position, body.To, ct))).WithSummary("Move a lesson to another position");

        version.MapPost("/outcomes", async (int moduleId, int number, OutcomeInput body, CurrentUser current, SaveOutcome save, CancellationToken ct) =>
            AuthoringEndpoints.Http(await save.RunAsync(await current.GetScopeAsync(ct), moduleId, number, null, body, ct))).WithSummary("Add a learning outcome");
        version.MapPut("/outcomes/{code}", async (int moduleId, int number, string code, OutcomeInput body, CurrentUser current, SaveOutcome save, CancellationToken ct) =>
            AuthoringEndpoints.Http(await save.RunAsync(await current.GetScopeAsync(ct), moduleId, number, code, body, ct))).WithSummary("Change a learning outcome");
        version.MapDelete("/outcomes/{code}", async (int moduleId, int number, string code, CurrentUser current, RemoveOutcome remove, CancellationToken ct) =>
            AuthoringEndpoints.Http(await remove.RunAsync(await current.GetScopeAsync(ct), moduleId, number, code, ct))).WithSummary("Remove a learning outcome with no questions");

        version.MapPost("/questions", async (int moduleId, int number, QuestionInput body, CurrentUser current, SaveQuestion save, CancellationToken ct) =>
            AuthoringEndpoints.Http(await save.RunAsync(await current.GetScopeAsync(ct), moduleId, number, null, body, ct))).WithSummary("Add a question of any type");
        version.MapPut("/questions/{key}", async (int moduleId, int number, string key, QuestionInput body, CurrentUser current, SaveQuestion save, CancellationToken ct) =>
            AuthoringEndpoints.Http(await save.RunAsync(await current.GetScopeAsync(ct), moduleId, number, key, body, ct))).WithSummary("Change a question");
        version.MapDelete("/questions/{key}", async (int moduleId, int number, string key, CurrentUser current, RemoveQuestion remove, CancellationToken ct) =>
            AuthoringEndpoints.Http(await remove.RunAsync(await current.GetScopeAsync(ct), moduleId, number, key, ct))).WithSummary("Remove a question");
        return group;
    }
}
