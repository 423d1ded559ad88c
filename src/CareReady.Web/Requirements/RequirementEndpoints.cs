using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Requirements;

public static class RequirementEndpoints
{
    public static IServiceCollection AddRequirements(this IServiceCollection services)
    {
        services.AddScoped<ListRequirementRules>();
        services.AddScoped<SaveRequirementRule>();
        services.AddScoped<SetRefresherOverride>();
        services.AddScoped<ListSubjectTargets>();
        services.AddScoped<SetSubjectTarget>();
        return services;
    }

    public static RouteGroupBuilder MapRequirementEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rules").WithTags("Requirement rules");

        group.MapGet("", async (CurrentUser current, ListRequirementRules list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, null, ct)))
            .WithSummary("The organisation's requirement rules");

        group.MapGet("/{id:int}", async Task<Results<Ok<RuleView>, NotFound>> (int id, CurrentUser current, ListRequirementRules list, CancellationToken ct) =>
            await list.FindAsync((await current.GetScopeAsync(ct)).OrganisationId, id, ct) is { } rule
                ? TypedResults.Ok(rule) : TypedResults.NotFound());

        group.MapPost("", async Task<Results<Created<RuleView>, ValidationProblem>> (RuleInput input, CurrentUser current, SaveRequirementRule save, ListRequirementRules list, CancellationToken ct) =>
        {
            var scope = await current.GetScopeAsync(ct);
            var result = await save.RunAsync(scope.OrganisationId, null, input, await current.GetActorAsync(), ct);
            if (!result.Succeeded)
            {
                return Validation(result);
            }

            var view = (await list.FindAsync(scope.OrganisationId, result.Id!.Value, ct))!;
            return TypedResults.Created($"/api/v1/rules/{view.Id}", view);
        }).RequireAuthorization(Policies.RuleEditors).WithSummary("Create a rule");

        group.MapPut("/{id:int}", async Task<Results<Ok<RuleView>, ValidationProblem, NotFound>> (int id, RuleInput input, CurrentUser current, SaveRequirementRule save, ListRequirementRules list, CancellationToken ct) =>
        {
            var scope = await current.GetScopeAsync(ct);
            var result = await save.RunAsync(scope.OrganisationId, id, input, await current.GetActorAsync(), ct);
            if (result.Errors.ContainsKey("Id"))
            {
                return TypedResults.NotFound();
            }

            return result.Succeeded ? TypedResults.Ok((await list.FindAsync(scope.OrganisationId, id, ct))!) : Validation(result);
        }).RequireAuthorization(Policies.RuleEditors).WithSummary("Change a rule (deactivate with isActive=false; rules are never deleted)");

        api.MapPut("/refresher-overrides/{competencyCode}", async Task<Results<NoContent, ValidationProblem>> (string competencyCode, RefresherOverrideBody body, CurrentUser current, SetRefresherOverride set, CancellationToken ct) =>
        {
            var scope = await current.GetScopeAsync(ct);
            var result = await set.RunAsync(scope.OrganisationId, new RefresherOverrideInput(competencyCode, body.Months, body.Justification), await current.GetActorAsync(), ct);
            return result.Succeeded ? TypedResults.NoContent() : Validation(result);
        }).RequireAuthorization(Policies.RuleEditors).WithTags("Requirement rules")
          .WithSummary("Set (or with months=null remove) the organisation's refresher period for a competency; a justification is required");

        api.MapGet("/targets", async (CurrentUser current, ListSubjectTargets list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, ct)))
            .WithTags("Requirement rules").WithSummary("The organisation's compliance target per subject");

        api.MapPut("/targets/{subjectCode}", async Task<Results<NoContent, ValidationProblem>> (string subjectCode, TargetBody body, CurrentUser current, SetSubjectTarget set, CancellationToken ct) =>
        {
            var result = await set.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, subjectCode, body.TargetPercent, ct);
            return result.Succeeded ? TypedResults.NoContent() : Validation(result);
        }).RequireAuthorization(Policies.RuleEditors).WithTags("Requirement rules").WithSummary("Set the compliance target for a subject");

        return api;
    }

    private static ValidationProblem Validation(SaveResult result) =>
        TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The rule was not saved");
}

public sealed record RefresherOverrideBody(int? Months, string? Justification);

public sealed record TargetBody(decimal TargetPercent);
