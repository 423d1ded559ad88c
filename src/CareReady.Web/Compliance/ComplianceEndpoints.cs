using CareReady.Core.Compliance;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Compliance;

public static class ComplianceEndpoints
{
    public static IServiceCollection AddComplianceViews(this IServiceCollection services)
    {
        services.AddScoped<ComputeComplianceSnapshot>();
        return services;
    }

    public static RouteGroupBuilder MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/compliance").WithTags("Compliance").RequireAuthorization(Policies.PeopleReaders);

        group.MapGet("/summary", async Task<Results<Ok<SummaryResponse>, NotFound>> (int? department, DateOnly? asOf, CurrentUser current, ComputeComplianceSnapshot compute, TimeProvider time, CancellationToken ct) =>
            await SnapshotAsync(department, asOf, current, compute, time, ct) is { } s
                ? TypedResults.Ok(new SummaryResponse(s.UnitName, s.AsOf, s.People.Count, s.Subjects,
                    ComplianceLists.Overdue(s).Count, ComplianceLists.DueWithin(s, 30).Count, ComplianceLists.DueWithin(s, 60).Count, ComplianceLists.DueWithin(s, 90).Count))
                : TypedResults.NotFound())
            .WithSummary("Per-subject compliance against target for a unit (department subtree, or your whole scope) on a day (default today)");

        group.MapGet("/matrix", async Task<Results<Ok<MatrixResponse>, NotFound>> (int? department, DateOnly? asOf, CurrentUser current, ComputeComplianceSnapshot compute, TimeProvider time, CancellationToken ct) =>
            await SnapshotAsync(department, asOf, current, compute, time, ct) is { } s
                ? TypedResults.Ok(MatrixResponse.From(s))
                : TypedResults.NotFound())
            .WithSummary("Team matrix: people × requirements with status and dates");

        group.MapGet("/actions", async Task<Results<Ok<IReadOnlyList<ActionItem>>, NotFound>> (int? department, DateOnly? asOf, int? days, CurrentUser current, ComputeComplianceSnapshot compute, TimeProvider time, CancellationToken ct) =>
            await SnapshotAsync(department, asOf, current, compute, time, ct) is { } s
                ? TypedResults.Ok(days is int d ? ComplianceLists.DueWithin(s, d) : ComplianceLists.Overdue(s))
                : TypedResults.NotFound())
            .WithSummary("Who is overdue (no days), or falls due within ?days=30|60|90");

        return api;
    }

    /// <summary>Null when the department is unknown or outside the caller's scope.</summary>
    public static async Task<ComplianceSnapshot?> SnapshotAsync(int? department, DateOnly? asOf, CurrentUser current, ComputeComplianceSnapshot compute, TimeProvider time, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var day = asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        try
        {
            return await compute.RunAsync(scope, department, day, ct);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}

public sealed record SummaryResponse(string Unit, DateOnly AsOf, int People, IReadOnlyList<SnapshotSubject> Subjects, int Overdue, int Due30, int Due60, int Due90);

public sealed record MatrixCell(string State, string Label, string Rag, DateOnly? LastCompleted, DateOnly? ExpiresOn, DateOnly DueBy);

public sealed record MatrixRow(int StaffMemberId, string Name, string EmployeeNumber, string Department, string JobRole, IReadOnlyDictionary<string, MatrixCell> Cells);

public sealed record MatrixResponse(string Unit, DateOnly AsOf, IReadOnlyList<string> Competencies, IReadOnlyList<MatrixRow> Rows)
{
    public static MatrixResponse From(ComplianceSnapshot s)
    {
        var columns = s.People.SelectMany(p => p.Statuses.Select(x => x.Requirement.Competency.Code)).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = s.People.Select(p => new MatrixRow(p.StaffMemberId, p.Name, p.EmployeeNumber, p.DepartmentName, p.JobRole,
            p.Statuses.ToDictionary(x => x.Requirement.Competency.Code, x => new MatrixCell(x.State.ToString(), x.Label, x.Rag, x.LastCompleted, x.ExpiresOn, x.DueBy)))).ToList();
        return new MatrixResponse(s.UnitName, s.AsOf, columns, rows);
    }
}
