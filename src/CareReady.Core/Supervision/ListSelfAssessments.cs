using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Supervision;

public sealed record SelfAssessmentView(
    int Id, int StaffMemberId, string PersonName, string SubjectCode, string SubjectName, string CompetencyCode,
    int Rating, string RatingLabel, string? LearnerNote, string Status, string? RequestedFromUserId,
    string? ReviewedBy, string? ReviewComment, DateTime UpdatedAt);

/// <summary>Self-assessments: the learner's own, and the requests waiting for a supervisor.</summary>
public sealed class ListSelfAssessments(AppDbContext db)
{
    /// <summary>The caller's own self-assessments, latest first; empty when they have no staff record.</summary>
    public Task<IReadOnlyList<SelfAssessmentView>> MineAsync(AccessScope scope, CancellationToken cancellationToken = default) =>
        QueryAsync(db.SelfAssessments.Where(a => a.OrganisationId == scope.OrganisationId && a.StaffMemberId == (scope.OwnStaffMemberId ?? -1)), cancellationToken);

    /// <summary>Requests waiting for the caller to confirm or return.</summary>
    public Task<IReadOnlyList<SelfAssessmentView>> RequestsForAsync(AccessScope scope, CancellationToken cancellationToken = default) =>
        QueryAsync(db.SelfAssessments.Where(a => a.OrganisationId == scope.OrganisationId
            && a.RequestedFromUserId == scope.UserId && a.Status == SelfAssessmentStatus.Requested), cancellationToken);

    private async Task<IReadOnlyList<SelfAssessmentView>> QueryAsync(IQueryable<SelfAssessment> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .Join(db.Subjects, a => a.SubjectId, s => s.Id, (a, s) => new { a, s.Code, s.Name, s.FrameworkCode })
            .Join(db.Competencies, x => x.a.CompetencyId, c => c.Id, (x, c) => new { x.a, x.Code, x.Name, x.FrameworkCode, CompetencyCode = c.Code })
            .Join(db.Staff, x => x.a.StaffMemberId, p => p.Id, (x, p) => new { x.a, x.Code, x.Name, x.FrameworkCode, x.CompetencyCode, p.FirstName, p.LastName })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(x => x.a.UpdatedAt).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new SelfAssessmentView(x.a.Id, x.a.StaffMemberId, x.FirstName + " " + x.LastName, x.Code, x.Name, x.CompetencyCode,
                x.a.Rating, SelfAssessment.RatingLabel(x.FrameworkCode == ReferenceCatalogue.AiFrameworkCode, x.a.Rating),
                x.a.LearnerNote, x.a.Status.ToString(), x.a.RequestedFromUserId, x.a.ReviewedBy, x.a.ReviewComment, x.a.UpdatedAt))
            .ToList();
    }
}
