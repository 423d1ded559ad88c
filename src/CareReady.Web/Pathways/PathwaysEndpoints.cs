using CareReady.Core.Data;
using CareReady.Core.Pathways;
using CareReady.Core.Pathways.Fsrs;
using CareReady.Core.Pathways.Mastery;
using CareReady.Core.Pathways.Plan;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Web.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Pathways;

/// <summary>
/// Personalised pathways under /api/v1/pathways: my plan and a person's plan (in scope), the
/// competency profile, refresher sessions and answers, role pathways (educators define, managers
/// assign within their departments, learners choose), and the organisation's FSRS settings.
/// </summary>
public static class PathwaysEndpoints
{
    public static RouteGroupBuilder MapPathwaysEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pathways").WithTags("Pathways").RequireAuthorization();

        group.MapGet("/me/plan", async Task<Results<Ok<PersonPlan>, NotFound>> (CurrentUser current, GetPlan plan, CancellationToken ct) =>
                await current.GetScopeAsync(ct) is { OwnStaffMemberId: int me } scope && await plan.RunAsync(scope, me, ct) is { } result
                    ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithSummary("My ranked plan: overdue and patient-safety items, expiring soonest, gaps, then my pathways — each with a reason");

        group.MapGet("/people/{id:int}/plan", async Task<Results<Ok<PersonPlan>, NotFound>> (int id, CurrentUser current, GetPlan plan, CancellationToken ct) =>
                await plan.RunAsync(await current.GetScopeAsync(ct), id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithSummary("A person's plan (yourself, or someone in your scope)");

        group.MapGet("/me/profile", async Task<Results<Ok<CompetencyProfile>, NotFound>> (CurrentUser current, GetCompetencyProfile get, CancellationToken ct) =>
                await current.GetScopeAsync(ct) is { OwnStaffMemberId: int me } scope && await get.RunAsync(scope, me, ct) is { } result
                    ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithSummary("My competency profile: strong / developing / gap per subject, with the evidence");

        group.MapGet("/people/{id:int}/profile", async Task<Results<Ok<CompetencyProfile>, NotFound>> (int id, CurrentUser current, GetCompetencyProfile get, CancellationToken ct) =>
                await get.RunAsync(await current.GetScopeAsync(ct), id, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound())
            .WithSummary("A person's competency profile (yourself, or someone in your scope)");

        group.MapGet("/me/refreshers", async Task<Results<Ok<RefresherSessionResponse>, NotFound>> (CurrentUser current, GetRefresherSession get, CancellationToken ct) =>
                await get.RunAsync(await current.GetScopeAsync(ct), ct) is { } session ? TypedResults.Ok(RefresherSessionResponse.From(session)) : TypedResults.NotFound())
            .WithSummary("Today's refresher session: the next due question (most at risk first), up to eight a day");

        group.MapPost("/me/refreshers/{cardId:long}/answer", async Task<Results<Ok<RefresherAnswerResponse>, NotFound, ValidationProblem>> (
                long cardId, RefresherAnswerRequest body, CurrentUser current, AnswerRefresher answer, CancellationToken ct) =>
            {
                var result = await answer.RunAsync(await current.GetScopeAsync(ct), new RefresherAnswer(cardId, body.QuestionId, body.Response, body.Sure ?? true), ct);
                return result.Outcome switch
                {
                    RefresherAnswerOutcome.Recorded => TypedResults.Ok(new RefresherAnswerResponse(result.Correct, result.Rating.ToString(),
                        AnswerText.Correct(result.Question!), result.Question!.Feedback, result.PreviousDue, result.NextDue!.Value, result.IntervalDays)),
                    RefresherAnswerOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["response"] = [result.Problem!] }),
                    _ => TypedResults.NotFound(),
                };
            })
            .WithSummary("Answer a refresher question (response as for assessments; sure = your confidence): marks it and moves the due date");

        MapRolePathways(group);
        MapSettings(group);
        return api;
    }

    private static void MapRolePathways(RouteGroupBuilder group)
    {
        group.MapGet("/role-pathways", async (CurrentUser current, ListRolePathways list, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                return TypedResults.Ok(await list.RunAsync(scope.OrganisationId, activeOnly: !AssignPathway.CanDefine(scope), ct));
            })
            .WithSummary("The organisation's role and development pathways");

        group.MapPost("/role-pathways", async Task<Results<Created<RolePathwayView>, ForbidHttpResult, ValidationProblem>> (
                RolePathwayInput body, CurrentUser current, SaveRolePathway save, ListRolePathways list, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (!AssignPathway.CanDefine(scope))
                {
                    return TypedResults.Forbid();
                }

                var result = await save.RunAsync(scope.OrganisationId, null, body, await current.GetActorAsync(), ct);
                return result.Succeeded
                    ? TypedResults.Created($"/api/v1/pathways/role-pathways/{result.Id}", await list.FindAsync(scope.OrganisationId, result.Id!.Value, ct))
                    : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
            })
            .WithSummary("Define a pathway (educators): name, description, steps as competency codes in order");

        group.MapPut("/role-pathways/{id:int}", async Task<Results<Ok<RolePathwayView>, ForbidHttpResult, NotFound, ValidationProblem>> (
                int id, RolePathwayInput body, CurrentUser current, SaveRolePathway save, ListRolePathways list, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (!AssignPathway.CanDefine(scope))
                {
                    return TypedResults.Forbid();
                }

                var result = await save.RunAsync(scope.OrganisationId, id, body, await current.GetActorAsync(), ct);
                return result.NotFound ? TypedResults.NotFound()
                    : result.Succeeded ? TypedResults.Ok((await list.FindAsync(scope.OrganisationId, id, ct))!)
                    : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
            })
            .WithSummary("Change a pathway's details and steps (educators)");

        group.MapPost("/role-pathways/{id:int}/assignments", async Task<Results<Created<AssignmentResponse>, Ok<AssignmentResponse>, NotFound, ProblemHttpResult>> (
                int id, AssignmentRequest body, CurrentUser current, AssignPathway assign, CancellationToken ct) =>
                Respond(await assign.RunAsync(await current.GetScopeAsync(ct), id, new PathwayAssignmentInput(body.StaffMemberId, body.DepartmentId), await current.GetActorAsync(), ct)))
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("Assign a pathway to a person or a department (managers within their departments; compliance leads and admins)");

        group.MapPost("/role-pathways/{id:int}/choose", async Task<Results<Created<AssignmentResponse>, Ok<AssignmentResponse>, NotFound, ProblemHttpResult>> (
                int id, CurrentUser current, AssignPathway assign, CancellationToken ct) =>
                Respond(await assign.ChooseAsync(await current.GetScopeAsync(ct), id, await current.GetActorAsync(), ct)))
            .WithSummary("Choose a pathway open to learners as my development pathway (replaces my previous choice)");
    }

    private static Results<Created<AssignmentResponse>, Ok<AssignmentResponse>, NotFound, ProblemHttpResult> Respond(AssignPathwayResult result) => result.Outcome switch
    {
        AssignPathwayOutcome.Assigned => TypedResults.Created($"/api/v1/pathways/assignments/{result.AssignmentId}", new AssignmentResponse(result.AssignmentId!.Value, false)),
        AssignPathwayOutcome.AlreadyAssigned => TypedResults.Ok(new AssignmentResponse(result.AssignmentId!.Value, true)),
        AssignPathwayOutcome.Invalid => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest),
        _ => TypedResults.NotFound(),
    };

    private static void MapSettings(RouteGroupBuilder group)
    {
        group.MapGet("/settings", async (CurrentUser current, FitRefresherParameters fit, CancellationToken ct) =>
                Settings(await fit.SettingsAsync((await current.GetUserAsync()).OrganisationId, ct)))
            .RequireAuthorization(Policies.RuleEditors)
            .WithSummary("The organisation's refresher settings: target retention and fitted FSRS weights");

        group.MapPut("/settings", async Task<Results<Ok<PathwaySettingsResponse>, ValidationProblem>> (RetentionRequest body, CurrentUser current, FitRefresherParameters fit, CancellationToken ct) =>
            {
                var org = (await current.GetUserAsync()).OrganisationId;
                return await fit.SetTargetRetentionAsync(org, body.TargetRetention, ct) is { } problem
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["targetRetention"] = [problem] })
                    : TypedResults.Ok(Settings(await fit.SettingsAsync(org, ct)));
            })
            .RequireAuthorization(Policies.RuleEditors)
            .WithSummary("Set the target retention (0.7–0.97; default 0.9)");

        group.MapGet("/settings/safety-critical-subjects", async Task<Results<Ok<SafetySubjectsResponse>, ForbidHttpResult>> (CurrentUser current, AppDbContext db, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                return AssignPathway.CanDefine(scope)
                    ? TypedResults.Ok(SafetySubjectsResponse.From([.. await SafetyCriticalSubjects.ForAsync(db, scope.OrganisationId, ct)]))
                    : TypedResults.Forbid();
            })
            .WithSummary("The subjects whose questions become refreshers and whose gaps rank first (educators, compliance leads, admins)");

        group.MapPut("/settings/safety-critical-subjects", async Task<Results<Ok<SafetySubjectsResponse>, ForbidHttpResult, ValidationProblem>> (
                SafetySubjectsRequest body, CurrentUser current, SetSafetyCriticalSubjects set, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (!AssignPathway.CanDefine(scope))
                {
                    return TypedResults.Forbid();
                }

                var result = await set.RunAsync(scope.OrganisationId, body.SubjectCodes, ct);
                return result.Saved
                    ? TypedResults.Ok(SafetySubjectsResponse.From(result.Codes))
                    : TypedResults.ValidationProblem(result.Problems.ToDictionary(p => p.Key, p => p.Value));
            })
            .WithSummary("Choose the safety-critical subjects by code (educators, compliance leads, admins); unknown codes are named and nothing changes");

        group.MapPost("/settings/fit", async (CurrentUser current, FitRefresherParameters fit, CancellationToken ct) =>
            {
                var result = await fit.RunAsync((await current.GetUserAsync()).OrganisationId, ct);
                return TypedResults.Ok(new FitResponse(result.Fitted, result.Reviews, FsrsParameterFitter.MinimumReviews, Finite(result.LogLossBefore), Finite(result.LogLossAfter)));
            })
            .RequireAuthorization(Policies.RuleEditors)
            .WithSummary("Fit the organisation's FSRS weights from its own review log (kept when there are at least 1,000 reviews)");
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static PathwaySettingsResponse Settings(PathwaySettings s) =>
        new(s.TargetRetention, s.FittedWeights is not null, s.FittedAt, s.FittedOnReviews, s.LogLossBefore, s.LogLossAfter,
            [.. SafetyCriticalSubjects.Parse(s.SafetyCriticalSubjects).Order(StringComparer.Ordinal)]);
}
