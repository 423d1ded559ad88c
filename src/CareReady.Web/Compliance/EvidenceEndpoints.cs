using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Compliance;

/// <summary>Evidence that moves a certification: exemptions, recognised prior learning, external certificates.</summary>
public static class EvidenceEndpoints
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddScoped<RecordExemption>();
        services.AddScoped<RevokeExemption>();
        services.AddScoped<RecordPriorLearning>();
        services.AddScoped<UploadCertificate>();
        services.AddScoped<ReviewCertificate>();
        services.AddScoped<ListEvidence>();
        return services;
    }

    public static RouteGroupBuilder MapEvidenceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Evidence");

        group.MapGet("/people/{id:int}/evidence", async Task<Results<Ok<PersonEvidence>, NotFound>> (int id, CurrentUser current, ListEvidence list, CancellationToken ct) =>
            await list.ForPersonAsync(await current.GetScopeAsync(ct), id, ct) is { } evidence ? TypedResults.Ok(evidence) : TypedResults.NotFound())
            .WithSummary("A person's exemptions, certificates and recognised prior learning");

        group.MapPost("/people/{id:int}/exemptions", async Task<Results<Created, ValidationProblem, NotFound>> (int id, ExemptionInput input, CurrentUser current, RecordExemption record, CancellationToken ct) =>
            await record.RunAsync(await current.GetScopeAsync(ct), id, input, await current.GetActorAsync(), ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: true } r => TypedResults.Created($"/api/v1/exemptions/{r.Id}"),
                var r => Validation(r),
            })
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("Approve a time-limited exemption from a requirement (managers for their people, compliance leads, admins; not for yourself)");

        group.MapPost("/exemptions/{id:int}/revoke", async Task<Results<NoContent, NotFound>> (int id, CurrentUser current, RevokeExemption revoke, CancellationToken ct) =>
            await revoke.RunAsync(await current.GetScopeAsync(ct), id, await current.GetActorAsync(), ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("End an exemption early (it is kept, marked revoked)");

        group.MapPost("/people/{id:int}/prior-learning", async Task<Results<Created, ValidationProblem, NotFound>> (int id, PriorLearningInput input, CurrentUser current, RecordPriorLearning record, CancellationToken ct) =>
            await record.RunAsync(await current.GetScopeAsync(ct), id, input, await current.GetActorAsync(), ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: true } r => TypedResults.Created($"/api/v1/people/{id}/evidence"),
                var r => Validation(r),
            })
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("Recognise learning achieved with a previous employer");

        group.MapPost("/people/{id:int}/certificates", async Task<Results<Created, ValidationProblem, NotFound, BadRequest<string>>> (int id, HttpRequest request, CurrentUser current, UploadCertificate upload, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.BadRequest("Send multipart/form-data with fields competencyCode, completedOn (YYYY-MM-DD), provider and file.");
                }

                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                if (!DateOnly.TryParseExact(form["completedOn"].ToString(), "yyyy-MM-dd", out var completedOn))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["CompletedOn"] = ["Enter the date on the certificate as YYYY-MM-DD"] });
                }

                var bytes = Array.Empty<byte>();
                if (file is not null && file.Length <= UploadCertificate.MaxBytes)
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    bytes = buffer.ToArray();
                }

                var input = new CertificateUpload(form["competencyCode"].ToString(), completedOn, form["provider"].ToString(), file?.FileName ?? "", file?.ContentType ?? "", bytes);
                return await upload.RunAsync(await current.GetScopeAsync(ct), id, input, await current.GetActorAsync(), ct) switch
                {
                    null => TypedResults.NotFound(),
                    { Succeeded: true } r => TypedResults.Created($"/api/v1/certificates/{r.Id}/file"),
                    var r => Validation(r),
                };
            })
            .WithMetadata(new RequestSizeLimitAttribute(UploadCertificate.MaxBytes + 64 * 1024))
            .DisableAntiforgery()
            .WithSummary("Upload a certificate of external training (PDF, PNG or JPEG, up to 10 MB) for yourself or someone you manage; it counts once approved");

        group.MapGet("/certificates/pending", async (CurrentUser current, ListEvidence list, CancellationToken ct) =>
            TypedResults.Ok(await list.AwaitingReviewAsync(await current.GetScopeAsync(ct), ct)))
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("Certificates waiting for your review");

        group.MapPost("/certificates/{id:int}/review", async Task<Results<NoContent, ValidationProblem, NotFound>> (int id, ReviewBody body, CurrentUser current, ReviewCertificate review, CancellationToken ct) =>
            await review.RunAsync(await current.GetScopeAsync(ct), id, body.Approve, body.Note, await current.GetActorAsync(), ct) switch
            {
                null => TypedResults.NotFound(),
                { Succeeded: true } => TypedResults.NoContent(),
                var r => Validation(r),
            })
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("Approve (records the completion) or reject (with a note) a pending certificate");

        group.MapGet("/certificates/{id:int}/file", async Task<Results<FileContentHttpResult, NotFound>> (int id, CurrentUser current, AppDbContext db, CancellationToken ct) =>
            {
                var scope = await current.GetScopeAsync(ct);
                var visible = scope.VisibleStaff(db).Select(s => s.Id);
                var certificate = await db.ExternalCertificates.AsNoTracking()
                    .FirstOrDefaultAsync(c => c.Id == id && c.OrganisationId == scope.OrganisationId && visible.Contains(c.StaffMemberId), ct);
                return certificate is null ? TypedResults.NotFound() : TypedResults.File(certificate.Content, certificate.ContentType, certificate.FileName);
            })
            .WithSummary("The uploaded certificate file");

        return api;
    }

    private static ValidationProblem Validation(SaveResult result) =>
        TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "Nothing was recorded");
}

public sealed record ReviewBody(bool Approve, string? Note);
