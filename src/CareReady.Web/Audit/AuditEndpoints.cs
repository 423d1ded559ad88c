using CareReady.Core.Audit;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async Task<Results<Ok<AuditTrailView>, NotFound, ValidationProblem>> (string? entity, string? id, CurrentUser current, GetAuditTrail trail, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(entity) || !AuditedTypes.IsAudited(entity))
            {
                errors["entity"] = ["Give the type of record: one of " + string.Join(", ", AuditedTypes.Names)];
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                errors["id"] = ["Give the id of the record"];
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "Which record's audit trail?");
            }

            var scope = await current.GetScopeAsync(ct);
            return await trail.RunAsync(scope.OrganisationId, entity!, id!.Trim(), ct) is { } view
                ? TypedResults.Ok(view)
                : TypedResults.NotFound();
        }).RequireAuthorization(Policies.RuleEditors).WithTags("Audit")
          .WithSummary("The audit trail of one record (e.g. entity=StaffMember&id=42, entity=RequirementRule&id=7), newest first; a person's includes their positions and evidence");
        return api;
    }
}
