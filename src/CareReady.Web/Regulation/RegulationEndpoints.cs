using CareReady.Core.Regulation;
using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Regulation;

/// <summary>The guideline registry and regulatory changes: propose (or import a feed), preview the impact, apply, undo, dismiss. Compliance leads and admins.</summary>
public static class RegulationEndpoints
{
    /// <summary>The largest feed accepted in a request body.</summary>
    public const int MaxFeedBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapRegulationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regulation").WithTags("Regulation");

        group.MapGet("/registry", async Task<Results<Ok<Registry>, NotFound>> (CurrentUser current, ListRegistry list, CancellationToken ct) =>
            await list.RunAsync(await current.GetScopeAsync(ct), ct) is { } registry ? TypedResults.Ok(registry) : TypedResults.NotFound())
            .WithSummary("Guideline sources with their versions (and how many module versions cite each), every change, open content-review flags");

        group.MapPost("/changes", async Task<IResult> (ChangeInput input, CurrentUser current, ProposeChange propose, CancellationToken ct) =>
            await propose.RunAsync(await current.GetScopeAsync(ct), input, await current.GetActorAsync(), ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: true } r => TypedResults.Created($"/api/v1/regulation/changes/{r.Id}/impact", new { id = r.Id }),
                var r => Validation(r, "The change was not proposed"),
            })
            .WithSummary("Propose a change: a new version of a registry source that replaces its current (or a named) version. Nothing moves until it is applied");

        group.MapPost("/feed", async Task<IResult> (HttpRequest request, CurrentUser current, ImportChangeFeed import, CancellationToken ct) =>
        {
            if (request.ContentLength > MaxFeedBytes)
            {
                return TypedResults.Problem($"The feed is larger than {MaxFeedBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxFeedBytes)
            {
                return TypedResults.Problem($"The feed is larger than {MaxFeedBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Position = 0;
            return await import.RunAsync(await current.GetScopeAsync(ct), buffer, await current.GetActorAsync(), ct) switch
            {
                null => TypedResults.NotFound(),
                { Errors.Count: 0 } r => TypedResults.Ok(r),
                var r => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest, Title = "Nothing was imported",
                    Detail = string.Join(" ", r.Errors), Extensions = { ["errors"] = r.Errors, ["skipped"] = r.Skipped },
                }),
            };
        })
            .Accepts<string>("application/atom+xml", "application/rss+xml", "application/xml", "text/xml")
            .WithSummary("Import an RSS 2.0 or Atom 1.0 feed of guideline changes (request body) as proposed changes — all or nothing; see docs/regulatory-changes.md for the entry format");

        group.MapGet("/changes/{id:int}/impact", async Task<Results<Ok<ChangeImpact>, NotFound>> (int id, CurrentUser current, PreviewChange preview, CancellationToken ct) =>
            await preview.RunAsync(await current.GetScopeAsync(ct), id, ct) is { } impact ? TypedResults.Ok(impact) : TypedResults.NotFound())
            .WithSummary("Who and what a change touches: content citing the old version, affected people by department, staff group and competency (what would be applied, or what was)");

        group.MapGet("/changes/{id:int}/affected", async Task<Results<Ok<IReadOnlyList<AffectedPerson>>, NotFound>> (int id, CurrentUser current, PreviewChange preview, CancellationToken ct) =>
            await preview.ListAsync(await current.GetScopeAsync(ct), id, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound())
            .WithSummary("The people whose certification rests on the old version, one row per certification");

        group.MapPost("/changes/{id:int}/apply", async Task<IResult> (int id, ApplyInput input, CurrentUser current, ApplyChange apply, SendChangeNotices notices, CancellationToken ct) =>
        {
            var scope = await current.GetScopeAsync(ct);
            var result = await apply.RunAsync(scope, id, input, await current.GetActorAsync(), ct);
            if (result is { Succeeded: true })
            {
                await notices.RunAsync(scope.OrganisationId, ct);
            }

            return Outcome(result, "The change was not applied");
        })
            .WithSummary("Apply a proposed change: flagForReview, requireUpdate (with deadline) or expireNow — in one transaction, audited");

        group.MapPost("/changes/{id:int}/undo", async Task<IResult> (int id, CurrentUser current, UndoChange undo, CancellationToken ct) =>
            Outcome(await undo.RunAsync(await current.GetScopeAsync(ct), id, await current.GetActorAsync(), ct), "The change was not undone"))
            .WithSummary("Undo an applied change while nobody has acted on it yet");

        group.MapPost("/changes/{id:int}/dismiss", async Task<IResult> (int id, CurrentUser current, DismissChange dismiss, CancellationToken ct) =>
            Outcome(await dismiss.RunAsync(await current.GetScopeAsync(ct), id, await current.GetActorAsync(), ct), "The change was not dismissed"))
            .WithSummary("Dismiss a proposed change");

        return api;
    }

    private static IResult Outcome(SaveResult? result, string title) => result switch
    {
        null => TypedResults.NotFound(),
        { Succeeded: true } => TypedResults.NoContent(),
        var r when r.Errors.ContainsKey("Status") => TypedResults.Problem(r.Errors["Status"], statusCode: StatusCodes.Status409Conflict, title: title),
        var r => Validation(r, title),
    };

    private static ValidationProblem Validation(SaveResult result, string title) =>
        TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: title);
}
