using System.Text.Json.Serialization;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;
using CareReady.Core.Security;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning;

/// <summary>
/// Content packages over HTTP (docs/content-packages.md): import a zip as a new module or the next
/// version of one (educators, educator leads, compliance leads, admins; publishing at once only for
/// educator and compliance leads), and download any version of the organisation's modules as a package.
/// </summary>
public static class PackageEndpoints
{
    /// <summary>The package limit plus room for the multipart envelope; larger packages are refused with a message by the reader.</summary>
    public const long MaxRequestBytes = PackageLimits.MaxPackageBytes + 1024 * 1024;

    /// <summary>Who may import and export packages.</summary>
    public static readonly string[] AuthorRoles = [Roles.Educator, Roles.EducatorLead, Roles.ComplianceLead, Roles.Admin];

    /// <summary>Who may publish a version straight from a package.</summary>
    public static readonly string[] PublisherRoles = [Roles.EducatorLead, Roles.ComplianceLead];

    public static bool CanPublish(AccessScope scope) => PublisherRoles.Any(scope.IsInRole);

    public static RouteGroupBuilder MapPackageEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/modules").WithTags("Content packages").RequireAuthorization(p => p.RequireRole(AuthorRoles));

        group.MapPost("/packages", async Task<Results<Created<PackageImported>, JsonHttpResult<PackageRefused>, ProblemHttpResult>> (
                HttpRequest request, CurrentUser current, AppDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No package",
                        detail: "Send the package zip as the multipart/form-data field 'file' (and 'publish=true' to publish it at once).");
                }

                var publish = IsTrue(request.Form["publish"].ToString()) || IsTrue(request.Query["publish"].ToString());
                var scope = await current.GetScopeAsync(ct);
                if (publish && !CanPublish(scope))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to publish",
                        detail: "Only an educator lead or a compliance lead may publish a package straight away; import it without 'publish' to create a draft.");
                }

                await using var stream = file.OpenReadStream();
                var result = await new ImportContentPackage(db, time).RunAsync(scope.OrganisationId, stream, Path.GetFileName(file.FileName),
                    new ContentImportOptions(await current.GetActorAsync(), publish), ct);
                if (!result.Imported)
                {
                    return TypedResults.Json(PackageRefused.From(result.Problems), statusCode: StatusCodes.Status400BadRequest, contentType: "application/problem+json");
                }

                var imported = new PackageImported(result.ModuleId, result.ModuleCode!, result.ModuleCreated, result.VersionId, result.VersionNumber, result.Status);
                return TypedResults.Created(PackageUrl(result.ModuleId, result.VersionNumber), imported);
            })
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxRequestBytes })
            .WithSummary("Import a content package (zip; form fields 'file' and optional 'publish'): 201 with the new module version, or 400 listing every problem by file and line (nothing created)");

        group.MapGet("/{moduleId:int}/versions/{number:int}/package", async Task<Results<FileContentHttpResult, NotFound>> (
                int moduleId, int number, CurrentUser current, AppDbContext db, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                return await new ExportContentPackage(db).RunAsync(scope.OrganisationId, moduleId, number, ct) is { } export
                    ? TypedResults.File(export.Zip, ContentExport.ContentType, export.FileName)
                    : TypedResults.NotFound();
            })
            .WithSummary("Download a module version as a content package (zip), in the format the import reads");

        return api;
    }

    public static string PackageUrl(int moduleId, int number) => $"/api/v1/modules/{moduleId}/versions/{number}/package";

    private static bool IsTrue(string value) => value.Trim().ToLowerInvariant() is "true" or "on" or "1" or "yes";
}

/// <summary>The module version a package became.</summary>
public sealed record PackageImported(
    int ModuleId,
    string ModuleCode,
    bool ModuleCreated,
    int VersionId,
    int VersionNumber,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ModuleStatus>))] ModuleStatus Status);

/// <summary>RFC 9457 problem details listing every problem of a refused package as {path, line, message}.</summary>
public sealed record PackageRefused(string Type, string Title, int Status, string Detail, IReadOnlyList<PackageProblem> Errors)
{
    public static PackageRefused From(IReadOnlyList<PackageProblem> problems) => new(
        "https://careready.example/problems/package-rejected",
        "The package was not imported",
        StatusCodes.Status400BadRequest,
        $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} found; nothing was created. Correct them and import the whole package again.",
        problems);
}
