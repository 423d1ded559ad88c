using CareReady.Core.Workforce.Import;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Import;

/// <summary>
/// CSV imports over HTTP (admins only): POST a text/csv body or a multipart field "file"; 200 with the
/// counts, or 422 problem details listing every row/column error (and nothing changed).
/// </summary>
public static class ImportEndpoints
{
    /// <summary>Largest file accepted (a 20,000-person ESR extract is ~5 MB).</summary>
    public const long MaxFileBytes = 50 * 1024 * 1024;

    public static IServiceCollection AddStaffImport(this IServiceCollection services)
    {
        services.AddScoped<ImportStaff>();
        services.AddScoped<ImportDepartments>();
        return services;
    }

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapCsvImport<ImportStaff, StaffImportResult>("/imports/staff", "staff-import-rejected",
                (import, org, csv, ct) => import.RunAsync(org, csv, ct), r => r.Errors)
            .WithSummary("Import an HR staff and positions CSV (ESR-style). All or nothing: any bad row rejects the whole file with a per-row, per-column error list.");

        api.MapCsvImport<ImportDepartments, DepartmentImportResult>("/imports/departments", "department-import-rejected",
                (import, org, csv, ct) => import.RunAsync(org, csv, ct), r => r.Errors)
            .WithSummary("Import an organisation's sites and department tree from CSV (load it before the staff file). All or nothing, like the staff import.");
        return api;
    }

    internal static RouteHandlerBuilder MapCsvImport<TImport, TResult>(this RouteGroupBuilder api, string path, string problem,
        Func<TImport, int, Stream, CancellationToken, Task<TResult>> run, Func<TResult, IReadOnlyList<ImportError>> errors, string policy = Policies.Importers)
        where TImport : notnull =>
        api.MapPost(path, async Task<Results<Ok<TResult>, JsonHttpResult<ImportProblem>, BadRequest<string>>> (
                HttpRequest request, CurrentUser current, TImport import, CancellationToken ct) =>
            {
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
                    var result = await run(import, scope.OrganisationId, body, ct);
                    var refused = errors(result);
                    return refused.Count == 0
                        ? TypedResults.Ok(result)
                        : TypedResults.Json(ImportProblem.From(problem, refused), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
                }
            })
            .RequireAuthorization(policy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes))
            .WithTags("Import");
}

/// <summary>RFC 9457 problem details with the list of row/column errors.</summary>
public sealed record ImportProblem(string Type, string Title, int Status, string Detail, IReadOnlyList<ImportError> Errors)
{
    public static ImportProblem From(string problem, IReadOnlyList<ImportError> errors) => new(
        "https://careready.example/problems/" + problem,
        "The file was not imported",
        StatusCodes.Status422UnprocessableEntity,
        $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} found; nothing was changed. Correct the rows listed and import the whole file again.",
        errors);
}
