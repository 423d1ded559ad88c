using System.Text.Json;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;
using CareReady.Core.Scorm;
using CareReady.Web.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Scorm;

/// <summary>
/// SCORM packages over HTTP: import a zip as a module version (the content-package roles; publishing at
/// once only for educator and compliance leads), read a package, launch it as the signed-in learner, and
/// the commit endpoint the scorm-again runtime posts the CMI to. Package files are served by
/// <see cref="MapScormContent"/> to signed-in people of the organisation only.
/// </summary>
public static class ScormEndpoints
{
    /// <summary>A commit carries the whole CMI; suspend data alone may be 64 000 characters in SCORM 2004.</summary>
    public const long MaxCommitBytes = 1024 * 1024;

    /// <summary>The files of a package run in an iframe on this origin (the SCO must reach the runtime in its parent), so they may run
    /// their own scripts and styles but load nothing from elsewhere, post forms nowhere else, and be framed only by our pages.</summary>
    public const string ContentPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static string ContentUrl(int packageId, string path) =>
        $"/scorm/packages/{packageId}/content/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    public static string CommitUrl(long attemptId, int position = 1) =>
        position == 1 ? $"/api/v1/scorm/attempts/{attemptId}/cmi" : $"/api/v1/scorm/attempts/{attemptId}/cmi?sco={position}";

    public static string SiteUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    public static RouteGroupBuilder MapScormEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/scorm").WithTags("SCORM").RequireAuthorization();

        group.MapPost("/packages", async Task<Results<Created<ScormImported>, JsonHttpResult<PackageRefused>, ProblemHttpResult>> (
                HttpRequest request, CurrentUser current, ImportScormPackage import, CancellationToken ct) =>
            {
                if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No package",
                        detail: "Send the SCORM zip as the multipart/form-data field 'file', with 'competencies' (codes, comma-separated) and optionally 'moduleId', 'minutes' and 'publish=true'.");
                }

                var scope = await current.GetScopeAsync(ct);
                if (!PackageEndpoints.AuthorRoles.Any(scope.IsInRole))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to import",
                        detail: "Only educators, educator leads, compliance leads and admins may import SCORM packages.");
                }

                var form = request.Form;
                var publish = form["publish"].ToString().Trim().ToLowerInvariant() is "true" or "on" or "1" or "yes";
                if (publish && !PackageEndpoints.CanPublish(scope))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to publish",
                        detail: "Only an educator lead or a compliance lead may publish a package straight away; import it without 'publish' to create a draft.");
                }

                var problems = new List<PackageProblem>();
                var moduleId = OptionalInt(form["moduleId"].ToString(), "moduleId", problems);
                var minutes = OptionalInt(form["minutes"].ToString(), "minutes", problems) ?? 15;
                if (problems.Count > 0)
                {
                    return TypedResults.Json(PackageRefused.From(problems), statusCode: StatusCodes.Status400BadRequest, contentType: "application/problem+json");
                }

                var codes = form["competencies"].SelectMany(CompetencyCodeList.Parse).ToList();
                await using var stream = file.OpenReadStream();
                var result = await import.RunAsync(scope.OrganisationId, stream, Path.GetFileName(file.FileName),
                    new ScormImportOptions(await current.GetActorAsync(), moduleId, codes, publish, minutes), ct);
                if (!result.Imported)
                {
                    return TypedResults.Json(PackageRefused.From(result.Problems), statusCode: StatusCodes.Status400BadRequest, contentType: "application/problem+json");
                }

                return TypedResults.Created($"/api/v1/scorm/packages/{result.PackageId}", new ScormImported(
                    result.PackageId, result.ModuleId, result.ModuleCode!, result.ModuleCreated, result.VersionId, result.VersionNumber, result.Status,
                    result.Edition, result.Title!));
            })
            .WithMetadata(new RequestSizeLimitAttribute(PackageEndpoints.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes })
            .WithSummary("Import a SCORM 1.2 or 2004 zip as a module version (form fields 'file', 'competencies', optional 'moduleId', 'minutes', 'publish'): 201, or 400 listing every problem by file, line and element (nothing created)");

        group.MapGet("/packages/{id:int}", async Task<Results<Ok<ScormPackageResponse>, NotFound>> (
                int id, CurrentUser current, AppDbContext db, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                var found = await db.ScormPackages.AsNoTracking().Where(p => p.Id == id && p.OrganisationId == scope.OrganisationId)
                    .Join(db.ModuleVersions, p => p.ModuleVersionId, v => v.Id, (p, v) => new { Package = p, Version = v })
                    .FirstOrDefaultAsync(ct);
                if (found is null || !ModuleAccess.CanView(scope, found.Version))
                {
                    return TypedResults.NotFound();
                }

                var p = found.Package;
                var files = await db.ScormFiles.CountAsync(f => f.ScormPackageId == p.Id, ct);
                return TypedResults.Ok(new ScormPackageResponse(p.Id, found.Version.ModuleId, p.ModuleVersionId, found.Version.Number, found.Version.Status,
                    p.Edition, p.SchemaVersion, p.Identifier, p.Title, p.LaunchPath, files, ContentUrl(p.Id, p.LaunchPath.Split('?', '#')[0])));
            })
            .WithSummary("A SCORM package of your organisation: edition, title, launch file, module version");

        group.MapPost("/packages/{id:int}/launch", async Task<Results<Ok<ScormLaunchResponse>, NotFound, ProblemHttpResult>> (
                int id, int? sco, string? nav, CurrentUser current, LaunchScorm launch, CancellationToken ct) =>
            {
                if (!TryNavigation(nav, out var navigation))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown navigation",
                        detail: $"nav is '{nav}'; expected 'continue' or 'previous' (or leave it out to open a part)");
                }

                var scope = await current.GetScopeAsync(ct);
                return await launch.RunAsync(scope, id, sco, navigation, ct) switch
                {
                    null => TypedResults.NotFound(),
                    { Launch: { } l } => TypedResults.Ok(ScormLaunchResponse.From(l)),
                    var refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not open to you now", detail: refused.Why,
                        extensions: new Dictionary<string, object?> { ["refusal"] = refused.Refusal?.ToString() }),
                };
            })
            .WithSummary("Start or resume the signed-in learner's attempt at a part (?sco=N; ?nav=continue|previous to move from the current part; default where the attempt stands): the attempt, the URLs to play it, the CMI values to start the runtime with, and every part's status. 409 when the package's sequencing does not open that part now");

        group.MapPost("/attempts/{id:long}/cmi", async Task<Results<Ok<ScormCommitResponse>, NotFound, ProblemHttpResult>> (
                long id, int? sco, HttpRequest request, CurrentUser current, CommitScormCmi commit, CancellationToken ct) =>
            {
                JsonElement body;
                try
                {
                    body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
                }
                catch (JsonException e)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not JSON", detail: $"The commit is not valid JSON: {e.Message}");
                }

                var (values, problem) = CmiData.Parse(body);
                if (values is null)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad CMI data", detail: problem);
                }

                var scope = await current.GetScopeAsync(ct);
                var outcome = await commit.RunAsync(scope, new ScormCommitInput(id, values, SiteUrl(request), await current.GetActorAsync(), sco ?? 1), ct);
                return outcome switch
                {
                    ScormCommitOutcome.NotFound => TypedResults.NotFound(),
                    ScormCommitOutcome.Locked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Part locked",
                        detail: "The package's sequencing keeps this part locked, and it is not the part you have open; nothing was saved."),
                    _ => TypedResults.Ok(new ScormCommitResponse(true, 0, outcome == ScormCommitOutcome.Completed)),
                };
            })
            .WithMetadata(new RequestSizeLimitAttribute(MaxCommitBytes))
            .WithSummary("Commit the CMI of a part of your attempt (?sco=N, default 1; flattened JSON, as scorm-again sends it): saved for resuming; once every part has said completed/passed, records the completion, the certificate and an xAPI statement");

        return api;
    }

    /// <summary>Serves package files to signed-in people of the organisation, with a safe type and the content policy.</summary>
    public static WebApplication MapScormContent(this WebApplication app)
    {
        app.MapGet("/scorm/packages/{id:int}/content/{**path}", async Task<Results<FileContentHttpResult, NotFound>> (
                int id, string path, HttpContext http, CurrentUser current, GetScormFile get, CancellationToken ct) =>
            {
                if (await get.RunAsync(await current.GetScopeAsync(ct), id, path, ct) is not { } file)
                {
                    return TypedResults.NotFound();
                }

                http.Response.Headers.ContentSecurityPolicy = ContentPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.XFrameOptions = "SAMEORIGIN";
                http.Response.Headers.CacheControl = "private, max-age=3600";
                return TypedResults.File(file.Content, file.ContentType);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The nav query value: none (open a part), "continue" or "previous".</summary>
    public static bool TryNavigation(string? nav, out ScormNavigation navigation)
    {
        navigation = nav?.Trim().ToLowerInvariant() switch
        {
            null or "" => ScormNavigation.Open,
            "continue" => ScormNavigation.Continue,
            "previous" => ScormNavigation.Previous,
            _ => (ScormNavigation)(-1),
        };
        return Enum.IsDefined(navigation);
    }

    private static int? OptionalInt(string text, string field, List<PackageProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        problems.Add(new PackageProblem(ImportScormPackage.FormField, null, $"{field}: '{text.Trim()}' is not a whole number"));
        return null;
    }
}

public sealed record ScormImported(
    int PackageId, int ModuleId, string ModuleCode, bool ModuleCreated, int VersionId, int VersionNumber, ModuleStatus Status, ScormEdition Edition, string Title);

public sealed record ScormPackageResponse(
    int Id, int ModuleId, int VersionId, int VersionNumber, ModuleStatus Status, ScormEdition Edition, string SchemaVersion, string Identifier,
    string Title, string LaunchPath, int Files, string LaunchUrl);

public sealed record ScormLaunchResponse(
    long AttemptId, bool Resumed, ScormEdition Edition, string Title, string ContentUrl, string CommitUrl, IReadOnlyDictionary<string, string> Initial,
    int Sco, IReadOnlyList<ScormPart> Parts, int? Next, int? Previous)
{
    public static ScormLaunchResponse From(ScormLaunch l)
    {
        var cut = l.LaunchPath.IndexOfAny(['?', '#']);
        var url = cut < 0 ? ScormEndpoints.ContentUrl(l.PackageId, l.LaunchPath) : ScormEndpoints.ContentUrl(l.PackageId, l.LaunchPath[..cut]) + l.LaunchPath[cut..];
        return new(l.AttemptId, l.Resumed, l.Edition, l.Title, url, ScormEndpoints.CommitUrl(l.AttemptId, l.Position), l.Initial, l.Position, l.Parts, l.Next, l.Previous);
    }
}

/// <summary>What scorm-again expects back from a commit ({"result": true, "errorCode": 0}), and whether this commit completed the module.</summary>
public sealed record ScormCommitResponse(bool Result, int ErrorCode, bool Completed);
