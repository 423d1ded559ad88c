using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Supervision;

/// <summary>
/// One rating: <paramref name="Code"/> is an AI &amp; digital capability sub-domain (e.g. "AIDHT-D6.3",
/// rated by knowledge level 1–4) or any framework competency code (rated not yet / developing /
/// competent / expert). A null rating leaves that line alone.
/// </summary>
public sealed record SelfRating(string Code, int? Rating, string? Note);

/// <summary>The learner's self-assessment page: ratings, and optionally who to ask for confirmation.</summary>
public sealed record SelfAssessmentInput(IReadOnlyList<SelfRating> Ratings, bool RequestConfirmation, string? RequestFromUserId);

/// <summary>
/// A learner saves their self-assessment ratings (as a draft) or asks a supervisor — one of their line
/// managers, an educator or a compliance lead — to confirm them. Lines already waiting for
/// confirmation cannot be changed; a returned line can be rated again and re-requested.
/// </summary>
public sealed class SaveSelfAssessment(AppDbContext db, TimeProvider time, ListSupervisors supervisors)
{
    public const string RatingsField = "Ratings";
    public const string RequestFromField = "RequestFromUserId";

    /// <returns>Null when the caller has no staff record of their own.</returns>
    public async Task<SaveResult?> RunAsync(AccessScope scope, SelfAssessmentInput input, CancellationToken cancellationToken = default)
    {
        if (scope.OwnStaffMemberId is not int staffMemberId)
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var ratings = (input.Ratings ?? []).Where(r => r.Rating is not null).ToList();
        if (ratings.Count == 0)
        {
            errors[RatingsField] = "Rate yourself against at least one competency";
        }

        var subjects = await db.Subjects.AsNoTracking().Include(s => s.Competencies).ToListAsync(cancellationToken);
        var open = await db.SelfAssessments
            .Where(a => a.StaffMemberId == staffMemberId && a.OrganisationId == scope.OrganisationId && a.Status != SelfAssessmentStatus.Confirmed)
            .ToListAsync(cancellationToken);
        var lines = new List<(Subject Subject, Competency Competency, SelfRating Rating)>();
        for (var i = 0; i < ratings.Count; i++)
        {
            var r = ratings[i];
            var field = $"{RatingsField}[{i}]";
            var code = (r.Code ?? "").Trim();
            var subject = subjects.FirstOrDefault(s => s.Code == code && s.FrameworkCode == ReferenceCatalogue.AiFrameworkCode);
            var competency = subject?.Competencies.FirstOrDefault(c => c.Level == r.Rating);
            if (subject is null)
            {
                subject = subjects.FirstOrDefault(s => s.Competencies.Any(c => c.Code == code && c.Kind == CompetencyKind.Knowledge));
                competency = subject?.Competencies.First(c => c.Code == code);
            }

            if (subject is null || competency is null)
            {
                errors[field] = $"{code} is not a competency of a framework";
            }
            else if (r.Rating is < SelfAssessment.MinRating or > SelfAssessment.MaxRating)
            {
                errors[field] = $"Rate {subject.Name} from {SelfAssessment.MinRating} to {SelfAssessment.MaxRating}";
            }
            else if (r.Note is { Length: > 2000 })
            {
                errors[field] = $"The note on {subject.Name} must be 2000 characters or fewer";
            }
            else if (open.Any(a => a.SubjectId == subject.Id && a.Status == SelfAssessmentStatus.Requested))
            {
                errors[field] = $"{subject.Name} is waiting for confirmation and cannot be changed";
            }
            else
            {
                lines.Add((subject, competency, r));
            }
        }

        if (input.RequestConfirmation)
        {
            var choices = await supervisors.ForPersonAsync(scope.OrganisationId, staffMemberId, cancellationToken);
            if (!choices.Any(c => c.UserId == input.RequestFromUserId))
            {
                errors[RequestFromField] = "Choose who to ask to confirm your self-assessment";
            }
        }

        if (errors.Count > 0)
        {
            return new SaveResult(null, errors);
        }

        foreach (var (subject, competency, rating) in lines)
        {
            var row = open.FirstOrDefault(a => a.SubjectId == subject.Id && (subject.FrameworkCode == ReferenceCatalogue.AiFrameworkCode || a.CompetencyId == competency.Id));
            if (row is null)
            {
                row = new SelfAssessment { OrganisationId = scope.OrganisationId, StaffMemberId = staffMemberId, SubjectId = subject.Id };
                db.SelfAssessments.Add(row);
                open.Add(row);
            }

            row.CompetencyId = competency.Id;
            row.Rating = rating.Rating!.Value;
            row.LearnerNote = string.IsNullOrWhiteSpace(rating.Note) ? null : rating.Note.Trim();
            row.UpdatedAt = now;
            if (input.RequestConfirmation)
            {
                row.Status = SelfAssessmentStatus.Requested;
                row.RequestedFromUserId = input.RequestFromUserId;
                row.RequestedAt = now;
            }
            else
            {
                row.Status = SelfAssessmentStatus.Draft;
            }
        }

        Audit.AuditReason.Set(db, input.RequestConfirmation ? "self-assessment confirmation requested" : "self-assessment saved");
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(lines.Count, errors);
    }
}
