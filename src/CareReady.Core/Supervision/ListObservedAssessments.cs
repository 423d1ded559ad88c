using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Supervision;

public sealed record ObservedAssessmentView(
    int Id, string CompetencyCode, string CompetencyName, DateOnly ObservedOn, string SupervisorName,
    string Status, IReadOnlyList<CriterionResult> Criteria, string? Comments, DateTime? SignedOffAt);

/// <summary>A person's observed assessments, for anyone who may see the person (themselves included).</summary>
public sealed class ListObservedAssessments(AppDbContext db)
{
    /// <returns>Null when the person is not visible to the caller.</returns>
    public async Task<IReadOnlyList<ObservedAssessmentView>?> ForPersonAsync(AccessScope scope, int staffMemberId, CancellationToken cancellationToken = default)
    {
        var visible = await scope.VisibleStaff(db).AnyAsync(s => s.Id == staffMemberId, cancellationToken)
            || (SupervisionAccess.IsOrganisationSupervisor(scope)
                && await db.Staff.AnyAsync(s => s.Id == staffMemberId && s.OrganisationId == scope.OrganisationId, cancellationToken));
        if (!visible)
        {
            return null;
        }

        var rows = await db.ObservedAssessments.AsNoTracking()
            .Where(a => a.StaffMemberId == staffMemberId && a.OrganisationId == scope.OrganisationId)
            .Join(db.Competencies, a => a.CompetencyId, c => c.Id, (a, c) => new { a, c.Code, c.Name })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(x => x.a.ObservedOn).ThenByDescending(x => x.a.Id)
            .Select(x => new ObservedAssessmentView(x.a.Id, x.Code, x.Name, x.a.ObservedOn, x.a.SupervisorName,
                x.a.Status == ObservedAssessmentStatus.SignedOff ? "Signed off" : "Recorded, not signed off",
                x.a.Criteria(), x.a.Comments, x.a.SignedOffAt))
            .ToList();
    }
}
