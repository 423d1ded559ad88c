using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record ReviewInput(bool Approve, string? Note);

/// <summary>
/// An educator lead or compliance lead reviews a version in review: approving publishes it (and retires
/// the module's previously published version in the same transaction); sending it back returns it to
/// draft with a note saying what to change. Four eyes: nobody reviews a version they submitted.
/// </summary>
public sealed class ReviewVersion(AppDbContext db, TimeProvider time)
{
    public const int MaxNote = FourEyesReview.MaxNote;

    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, ReviewInput input, string actor, CancellationToken ct = default)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return AuthoringResult.Forbidden();
        }

        var version = await AuthoringVersions.Of(db, scope, moduleId, number).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return AuthoringResult.NotFound;
        }

        if (!ModuleAccess.CanApprove(scope))
        {
            return AuthoringResult.Forbidden("Only an educator lead or a compliance lead can review a version");
        }

        if (FourEyesReview.Check(version.Status, AuthoringVersions.Describe(version.Status), number, version.SubmittedBy, actor, input) is { } refusal)
        {
            return refusal.Kind switch
            {
                ReviewRefusalKind.NotInReview => AuthoringResult.Conflict(refusal.Message),
                ReviewRefusalKind.OwnSubmission => AuthoringResult.Forbidden(refusal.Message),
                _ => AuthoringResult.Invalid(nameof(input.Note), refusal.Message),
            };
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!input.Approve)
        {
            var note = input.Note!.Trim();
            version.Status = ModuleStatus.Draft;
            version.ReviewNote = note;
            version.SubmittedBy = null;
            version.SubmittedAt = null;
            await db.SaveChangesAsync(ct);
            return AuthoringResult.Done(moduleId, number);
        }

        var published = await db.ModuleVersions
            .Where(v => v.ModuleId == moduleId && v.Status == ModuleStatus.Published && v.Id != version.Id).ToListAsync(ct);
        foreach (var old in published)
        {
            old.Status = ModuleStatus.Retired;
            old.RetiredAt = now;
        }

        version.Status = ModuleStatus.Published;
        version.PublishedBy = actor;
        version.PublishedAt = now;
        version.ReviewNote = null;
        await db.Entry(version).Collection(v => v.Guidelines).LoadAsync(ct);
        await Regulation.ContentPublished.OnPublishedAsync(db, version, now, ct);
        await db.SaveChangesAsync(ct); // one save: both changes commit together or not at all
        return AuthoringResult.Done(moduleId, number);
    }
}
