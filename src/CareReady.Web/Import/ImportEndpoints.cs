using CareReady.Core.Workforce.Import;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Import;

public static class ImportEndpoints
{
    /// <summary>Largest HR file accepted (a 20,000-person ESR extract is ~5 MB).</summary>
    public const long MaxFileBytes = 50 * 1024 * 1024;

    public static IServiceCollection AddStaffImport(this IServiceCollection services)
    {
        services.AddScoped<ImportStaff>();
        return services;
    }

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/imports/staff", async Task<Results<Ok<StaffImportResult>, JsonHttpResult<StaffImportProblem>, BadRequest<string>>> (
                HttpRequest request, CurrentUser current, ImportStaff import, CancellationToken ct) =>
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
                    var result = await import.RunAsync(scope.OrganisationId, body, ct);
                    return result.Applied
                        ? TypedResults.Ok(result)
                        : TypedResults.Json(StaffImportProblem.From(result), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
                }
            })
            .RequireAuthorization(Policies.Importers)
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes))
            .WithTags("Import")
            .WithSummary("Import an HR staff and positions CSV (ESR-style). All or nothing: any bad row rejects the whole file with a per-row, per-column error list.");
        return api;
    }
}

/// <summary>RFC 9457 problem details with the list of row/column errors.</summary>
public sealed record StaffImportProblem(string Type, string Title, int Status, string Detail, IReadOnlyList<ImportError> Errors)
{
    public static StaffImportProblem From(StaffImportResult result) => new(
        "https://careready.example/problems/staff-import-rejected",
        "The file was not imported",
        StatusCodes.Status422UnprocessableEntity,
        $"{result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")} found; nothing was changed. Correct the rows listed and import the whole file again.",
        result.Errors);
}
