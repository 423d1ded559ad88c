using CareReady.Core.Workforce.Import;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Import;

/// <summary>POST /api/v1/imports/departments: sites and the department tree, loaded before the staff file.</summary>
public static class DepartmentImportEndpoints
{
    public static IServiceCollection AddDepartmentImport(this IServiceCollection services)
    {
        services.AddScoped<ImportDepartments>();
        return services;
    }

    public static RouteGroupBuilder MapDepartmentImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/departments", async Task<Results<Ok<DepartmentImportResult>, JsonHttpResult<DepartmentImportProblem>, BadRequest<string>>> (
                HttpRequest request, CurrentUser current, ImportDepartments import, CancellationToken ct) =>
            {
                if (request.ContentLength > ImportEndpoints.MaxFileBytes)
                {
                    return TypedResults.BadRequest($"The file is larger than {ImportEndpoints.MaxFileBytes / 1024 / 1024} MB.");
                }

                Stream body;
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    var file = form.Files.GetFile("file");
                    if (file is null)
                    {
                        return TypedResults.BadRequest("Send the CSV as the form field 'file', or as a text/csv request body.");
                    }

                    body = file.OpenReadStream();
                }
                else
                {
                    // Buffer so the parser can read synchronously without blocking the request thread.
                    var buffer = new MemoryStream();
                    await request.Body.CopyToAsync(buffer, ct);
                    buffer.Position = 0;
                    body = buffer;
                }

                await using (body)
                {
                    var scope = await current.GetScopeAsync(ct);
                    var result = await import.RunAsync(scope.OrganisationId, body, ct);
                    return result.Applied
                        ? TypedResults.Ok(result)
                        : TypedResults.Json(DepartmentImportProblem.From(result), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
                }
            })
            .RequireAuthorization(Policies.Importers)
            .WithTags("Import")
            .WithSummary("Import an organisation's sites and department tree from CSV (load it before the staff file). All or nothing: any bad row rejects the whole file with a per-row, per-column error list.");
        return api;
    }
}

/// <summary>RFC 9457 problem details with the list of row/column errors.</summary>
public sealed record DepartmentImportProblem(string Type, string Title, int Status, string Detail, IReadOnlyList<ImportError> Errors)
{
    public static DepartmentImportProblem From(DepartmentImportResult result) => new(
        "https://careready.example/problems/department-import-rejected",
        "The file was not imported",
        StatusCodes.Status422UnprocessableEntity,
        $"{result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")} found; nothing was changed. Correct the rows listed and import the whole file again.",
        result.Errors);
}
