using CareReady.Core.Cmi5;
using CareReady.Core.Competencies;
using CareReady.Core.Identity;
using CareReady.Core.Learning.Packages;
using CareReady.Web.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Cmi5;

/// <summary>
/// cmi5 courses over HTTP: import a course package (authors), read a course with the caller's
/// progress, launch an AU (the signed-in learner), and waive an AU for a learner (compliance leads, admins).
/// </summary>
public static class Cmi5Endpoints
{
    public static readonly string[] WaiverRoles = [Roles.ComplianceLead, Roles.Admin];

    public static RouteGroupBuilder MapCmi5Endpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cmi5/courses").WithTags("cmi5 courses").RequireAuthorization();

        group.MapPost("/", async Task<Results<Created<Cmi5Imported>, JsonHttpResult<PackageRefused>, ProblemHttpResult>> (
                HttpRequest request, CurrentUser current, ImportCmi5Course import, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (!PackageEndpoints.AuthorRoles.Any(scope.IsInRole))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                        detail: "Only educators, educator leads, compliance leads and administrators may import courses.");
                }

                if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No course package",
                        detail: "Send the cmi5 course zip as the multipart/form-data field 'file', with 'confers' (competency codes, comma-separated) or 'moduleId'.");
                }

                var form = request.Form;
                var publish = form["publish"].ToString().Trim().ToLowerInvariant() is "true" or "on" or "1" or "yes";
                if (publish && !PackageEndpoints.CanPublish(scope))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to publish",
                        detail: "Only an educator lead or a compliance lead may publish a course's module straight away; import it without 'publish' to create a draft.");
                }

                int? moduleId = null;
                var moduleText = form["moduleId"].ToString().Trim();
                if (moduleText.Length > 0)
                {
                    if (!int.TryParse(moduleText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                    {
                        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad moduleId", detail: $"moduleId must be a module's number, got \"{moduleText}\".");
                    }

                    moduleId = id;
                }

                var confers = CompetencyCodeList.Parse(form["confers"].ToString());
                await using var stream = file.OpenReadStream();
                var result = await import.RunAsync(scope.OrganisationId, stream, Path.GetFileName(file.FileName),
                    new Cmi5ImportOptions(await current.GetActorAsync(), moduleId, confers, publish), ct);
                if (!result.Imported)
                {
                    return TypedResults.Json(PackageRefused.From(result.Problems) with { Title = "The course was not imported" },
                        statusCode: StatusCodes.Status400BadRequest, contentType: "application/problem+json");
                }

                return TypedResults.Created($"/api/v1/cmi5/courses/{result.CourseId}",
                    new Cmi5Imported(result.CourseId, result.ModuleId, result.ModuleVersionId, result.ModuleCreated, result.AuCount));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(PackageEndpoints.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes })
            .WithSummary("Import a cmi5 course package (zip with cmi5.xml; form fields 'file', 'confers' or 'moduleId', optional 'publish'): 201, or 400 listing every problem");

        group.MapGet("/{id:int}", async Task<Results<Ok<Cmi5CourseView>, NotFound>> (int id, CurrentUser current, GetCmi5Course get, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                return await get.RunAsync(scope.OrganisationId, id, scope.OwnStaffMemberId, ct) is { } course ? TypedResults.Ok(course) : TypedResults.NotFound();
            })
            .WithSummary("A course with its AUs and where the signed-in learner stands in their latest registration");

        group.MapPost("/{id:int}/aus/{auId:int}/launch", async Task<Results<Ok<Cmi5Launched>, NotFound, ProblemHttpResult>> (
                int id, int auId, string? mode, HttpRequest request, CurrentUser current, LaunchAu launch, CancellationToken ct) =>
            {
                if (!TryLaunchMode(mode, out var launchMode))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown launch mode",
                        detail: $"mode: expected Normal, Browse or Review (found \"{mode}\")");
                }

                var scope = await current.GetScopeAsync(ct);
                if (scope.OwnStaffMemberId is not int person)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No staff record",
                        detail: "Your account is not linked to a staff record, so there is no one to record the course for.");
                }

                var origin = Origin(request);
                var result = await launch.RunAsync(new Cmi5LaunchInput(scope.OrganisationId, person, id, auId, origin, $"{origin}/learning/cmi5/{id}", launchMode), ct);
                if (result.Refusal is { } why)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot launch", detail: why);
                }

                return result.Url is { } url ? TypedResults.Ok(new Cmi5Launched(url, result.Registration, result.SessionId)) : TypedResults.NotFound();
            })
            .DisableAntiforgery()
            .WithSummary("Launch an AU for the signed-in learner (mode Normal, Browse or Review; Normal when not given): returns the AU URL with the cmi5 launch parameters");

        group.MapPost("/{id:int}/aus/{auId:int}/waive", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (
                int id, int auId, WaiveRequest body, HttpRequest request, CurrentUser current, WaiveAu waive, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                if (!WaiverRoles.Any(scope.IsInRole))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Only compliance leads and administrators may waive an AU.");
                }

                var why = await waive.RunAsync(new Cmi5WaiveInput(scope.OrganisationId, id, auId, body.StaffMemberId, body.Reason ?? "", Origin(request)), ct);
                return why switch
                {
                    null => TypedResults.NoContent(),
                    WaiveAu.NotFound => TypedResults.NotFound(),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not waived", detail: why),
                };
            })
            .DisableAntiforgery()
            .WithSummary("Waive an AU for a learner with a reason (Tested, Equivalent, Administrative): the AU counts as satisfied");
        return api;
    }

    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>Normal when not given; otherwise one of the three cmi5 launch modes by name (any case), never a number.</summary>
    public static bool TryLaunchMode(string? text, out Cmi5LaunchMode mode)
    {
        mode = Cmi5LaunchMode.Normal;
        return string.IsNullOrEmpty(text)
            || (Enum.GetNames<Cmi5LaunchMode>().Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) && Enum.TryParse(text, ignoreCase: true, out mode));
    }
}

public sealed record Cmi5Imported(int CourseId, int ModuleId, int ModuleVersionId, bool ModuleCreated, int AuCount);

public sealed record Cmi5Launched(string Url, Guid Registration, Guid SessionId);

public sealed record WaiveRequest(int StaffMemberId, string? Reason);
