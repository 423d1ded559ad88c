using System.Globalization;
using CareReady.Core.Compliance;
using CareReady.Core.Reports;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareReady.Web.Reports;

public static class ReportEndpoints
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddScoped<ComputeComplianceSnapshot>();
        services.AddScoped<BuildTrainingMatrix>();
        return services;
    }

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.PeopleReaders);

        group.MapGet("/matrix", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>>> (
                string? unit, string? asOf, string? format, CurrentUser current, BuildTrainingMatrix build, TimeProvider time,
                ILoggerFactory loggers, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (!MatrixFormats.TryParse(format, out var chosen))
                {
                    errors["format"] = [$"format must be {MatrixFormats.Expected}"];
                }

                DateOnly? day = null;
                if (!string.IsNullOrWhiteSpace(asOf))
                {
                    if (DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        day = parsed;
                    }
                    else
                    {
                        errors["asOf"] = ["asOf must be a date as YYYY-MM-DD"];
                    }
                }

                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                var scope = await current.GetScopeAsync(ct);
                var matrix = await build.RunAsync(scope, unit, day ?? Today(time), ct);
                if (matrix is null)
                {
                    // Unknown and out-of-scope units look the same: a manager learns nothing about other departments.
                    return TypedResults.NotFound(new ProblemDetails
                    {
                        Status = StatusCodes.Status404NotFound,
                        Title = "Unit not found",
                        Detail = $"No department with code '{unit}' that you may see.",
                    });
                }

                using var buffer = new MemoryStream();
                MatrixFormats.Write(matrix, chosen, buffer);
                loggers.CreateLogger(typeof(ReportEndpoints)).LogInformation(
                    "Training matrix generated: organisation {OrganisationId}, unit {Unit}, as of {AsOf}, format {Format}, {People} people, {Bytes} bytes",
                    scope.OrganisationId, matrix.UnitCode ?? "(all)", matrix.AsOf, chosen, matrix.Rows.Count, buffer.Length);
                return TypedResults.File(buffer.ToArray(), MatrixFormats.ContentType(chosen), matrix.FileName(chosen));
            })
            .WithSummary("The inspection evidence pack for a unit (department code and everything below it; omit for everything you may see) " +
                "on a day (default today): training matrix, summary per subject against target, exemptions and prior learning, as csv, xlsx or pdf");

        return api;
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
