using CareReady.Core.Compliance;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Supervision;

/// <summary>
/// The supervisor a learner asked confirms their self-assessment — recording a completion of the rated
/// competency (for AI capability, the rated level, e.g. AIDHT-D6.3-L2; on the general scale only from
/// "competent" up) in the same transaction — or returns it with a comment saying what to work on.
/// </summary>
public sealed class ReviewSelfAssessment(AppDbContext db, TimeProvider time)
{
    public const string CommentField = "Comment";

    public async Task<SupervisionResult> RunAsync(AccessScope scope, int selfAssessmentId, bool confirm, string? comment, string actor, CancellationToken cancellationToken = default)
    {
        var assessment = await db.SelfAssessments.FirstOrDefaultAsync(
            a => a.Id == selfAssessmentId && a.OrganisationId == scope.OrganisationId && a.RequestedFromUserId == scope.UserId, cancellationToken);
        if (assessment is null)
        {
            return SupervisionResult.Denied(SupervisionCheck.NotFound);
        }

        var access = await SupervisionAccess.CheckAsync(db, scope, assessment.StaffMemberId, cancellationToken);
        if (access != SupervisionCheck.Allowed)
        {
            return SupervisionResult.Denied(access);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (assessment.Status != SelfAssessmentStatus.Requested)
        {
            errors["Status"] = $"This self-assessment is {assessment.Status.ToString().ToLowerInvariant()}, not waiting for confirmation";
        }

        if (!confirm && string.IsNullOrWhiteSpace(comment))
        {
            errors[CommentField] = "Say why you are returning it, so the learner knows what to work on";
        }
        else if (comment is { Length: > 2000 })
        {
            errors[CommentField] = "Comment must be 2000 characters or fewer";
        }

        if (errors.Count > 0)
        {
            return new SupervisionResult(access, new SaveResult(assessment.Id, errors));
        }

        var now = time.GetUtcNow().UtcDateTime;
        assessment.Status = confirm ? SelfAssessmentStatus.Confirmed : SelfAssessmentStatus.Returned;
        assessment.ReviewedBy = actor;
        assessment.ReviewedAt = now;
        assessment.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (confirm)
        {
            var competency = await db.Competencies.AsNoTracking().Include(c => c.Subject).FirstAsync(c => c.Id == assessment.CompetencyId, cancellationToken);
            var counts = competency.Subject!.FrameworkCode == ReferenceCatalogue.AiFrameworkCode || assessment.Rating >= SelfAssessment.CompetentRating;
            if (counts)
            {
                assessment.Completion = new Completion
                {
                    OrganisationId = assessment.OrganisationId,
                    StaffMemberId = assessment.StaffMemberId,
                    CompetencyId = competency.Id,
                    CompletedOn = DateOnly.FromDateTime(now),
                    Source = CompletionSource.SelfAssessment,
                    Reference = "self-assessment",
                    RecordedBy = actor,
                    RecordedAt = now,
                };
            }
        }

        Audit.AuditReason.Set(db, confirm ? "self-assessment confirmed" : "self-assessment returned: " + assessment.ReviewComment);
        await db.SaveChangesAsync(cancellationToken); // one save: the decision and its completion together
        return new SupervisionResult(access, new SaveResult(assessment.Id, errors));
    }
}
