using System.Text.Json.Nodes;
using CareReady.Core.Cmi5;
using CareReady.Core.Data;
using CareReady.Web.Security;
using CareReady.Web.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Cmi5;

/// <summary>
/// What a launched AU talks to outside the LRS: the one-time fetch URL (POST, anonymous: the code in
/// the URL is the credential) and the course content, served from this site only to signed-in people
/// of the course's organisation.
/// </summary>
public static class Cmi5RuntimeEndpoints
{
    public static IEndpointRouteBuilder MapCmi5Runtime(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cmi5/fetch/{sessionId}", async (string sessionId, HttpContext context, FetchAuthToken fetch, CancellationToken ct) =>
            {
                var code = context.Request.Query["k"].ToString();
                var result = Guid.TryParseExact(sessionId, "N", out var id)
                    ? await fetch.RunAsync(id, code, ct)
                    : new Cmi5FetchResult(null, "3", "This fetch URL is not valid.");
                var body = result.AuthToken is { } token
                    ? new JsonObject { ["auth-token"] = token }
                    : new JsonObject { ["error-code"] = result.ErrorCode, ["error-text"] = result.ErrorText };
                context.Response.Headers.CacheControl = "no-store";

                // cmi5 8.2: 200 with application/json, errors included.
                return Results.Content(body.ToJsonString(), "application/json", statusCode: StatusCodes.Status200OK);
            })
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().RequireCors(XapiCors.Policy);

        app.MapGet("/cmi5/content/{courseId:int}/{**path}", async (int courseId, string? path, CurrentUser current, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                var file = await db.Cmi5Files.AsNoTracking()
                    .FirstOrDefaultAsync(f => f.CourseId == courseId && f.OrganisationId == scope.OrganisationId && f.Path == (path ?? ""), ct);
                if (file is null || file.Path == CourseStructureReader.FileName)
                {
                    return Results.NotFound();
                }

                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "private, max-age=300";
                return Results.Bytes(file.Content, file.ContentType);
            })
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
