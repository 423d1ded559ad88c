using CareReady.Core.Competencies;
using CareReady.Core.Requirements;
using CareReady.Core.Supervision;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Supervision;

/// <summary>Observed assessments of practice with supervisor sign-off, and self-assessment with supervisor confirmation.</summary>
public static class SupervisionEndpoints
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddScoped<RecordObservedAssessment>();
        services.AddScoped<ListObservedAssessments>();
        services.AddScoped<ListSupervisors>();
        services.AddScoped<SaveSelfAssessment>();
        services.AddScoped<ReviewSelfAssessment>();
        services.AddScoped<ListSelfAssessments>();
        return services;
    }

    public static RouteGroupBuilder MapSupervisionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Supervision");

        group.MapGet("/observation-checklists/{code}", Results<Ok<IReadOnlyList<string>>, NotFound> (string code) =>
            ObservationChecklists.ForCode(code) is { } checklist ? TypedResults.Ok(checklist) : TypedResults.NotFound())
            .WithSummary("The checklist an observed-practice competency (e.g. CSTF-RES-2A-OBS) is assessed against");

        group.MapGet("/people/{id:int}/observed-assessments", async Task<Results<Ok<IReadOnlyList<ObservedAssessmentView>>, NotFound>> (int id, CurrentUser current, ListObservedAssessments list, CancellationToken ct) =>
            await list.ForPersonAsync(await current.GetScopeAsync(ct), id, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound())
            .WithSummary("A person's observed assessments of practice");

        group.MapPost("/people/{id:int}/observed-assessments", async Task<IResult> (int id, ObservedAssessmentInput input, CurrentUser current, RecordObservedAssessment record, CancellationToken ct) =>
            ToResult(await record.RunAsync(await current.GetScopeAsync(ct), id, null, input, await current.GetActorAsync(), ct), r => $"/api/v1/people/{id}/observed-assessments"))
            .WithSummary("Record an observed assessment against the checklist (criteriaMet in checklist order) and sign it off when every criterion is met (line manager, compliance lead or educator; not for yourself)");

        group.MapPost("/people/{id:int}/observed-assessments/{assessmentId:int}", async Task<IResult> (int id, int assessmentId, ObservedAssessmentInput input, CurrentUser current, RecordObservedAssessment record, CancellationToken ct) =>
            ToResult(await record.RunAsync(await current.GetScopeAsync(ct), id, assessmentId, input, await current.GetActorAsync(), ct), r => $"/api/v1/people/{id}/observed-assessments"))
            .WithSummary("Update a recorded (not signed off) observed assessment, and sign it off");

        group.MapGet("/me/self-assessments", async (CurrentUser current, ListSelfAssessments list, CancellationToken ct) =>
            TypedResults.Ok(await list.MineAsync(await current.GetScopeAsync(ct), ct)))
            .WithSummary("Your self-assessments and their status");

        group.MapGet("/me/supervisors", async (CurrentUser current, ListSupervisors list, CancellationToken ct) =>
        {
            var scope = await current.GetScopeAsync(ct);
            return TypedResults.Ok(scope.OwnStaffMemberId is int own ? await list.ForPersonAsync(scope.OrganisationId, own, ct) : []);
        })
            .WithSummary("Who you may ask to confirm a self-assessment: your line managers, educators and compliance leads");

        group.MapPost("/me/self-assessments", async Task<Results<Ok<SaveResult>, ValidationProblem, NotFound>> (SelfAssessmentInput input, CurrentUser current, SaveSelfAssessment save, CancellationToken ct) =>
            await save.RunAsync(await current.GetScopeAsync(ct), input, ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: true } r => TypedResults.Ok(r),
                var r => Validation(r),
            })
            .WithSummary("Save your self-assessment ratings, and optionally ask a supervisor to confirm them");

        group.MapGet("/self-assessments/requests", async (CurrentUser current, ListSelfAssessments list, CancellationToken ct) =>
            TypedResults.Ok(await list.RequestsForAsync(await current.GetScopeAsync(ct), ct)))
            .WithSummary("Self-assessments waiting for you to confirm or return");

        group.MapPost("/self-assessments/{id:int}/review", async Task<IResult> (int id, SelfAssessmentReview body, CurrentUser current, ReviewSelfAssessment review, CancellationToken ct) =>
            ToResult(await review.RunAsync(await current.GetScopeAsync(ct), id, body.Confirm, body.Comment, await current.GetActorAsync(), ct), null))
            .WithSummary("Confirm (records a completion at the rated level) or return (with a comment) a self-assessment you were asked to confirm");

        return api;
    }

    private static IResult ToResult(SupervisionResult outcome, Func<SaveResult, string>? created) => outcome switch
    {
        { Access: SupervisionCheck.NotFound } => TypedResults.NotFound(),
        { Access: SupervisionCheck.Forbidden } => TypedResults.Forbid(),
        { Result: { Succeeded: true } r } => created is null ? TypedResults.NoContent() : TypedResults.Created(created(r), new { id = r.Id }),
        { Result: { } r } => Validation(r),
        _ => TypedResults.NotFound(),
    };

    private static ValidationProblem Validation(SaveResult result) =>
        TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Nothing was recorded");
}

public sealed record SelfAssessmentReview(bool Confirm, string? Comment);
