using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

/// <summary>
/// Computes a <see cref="ComplianceSnapshot"/> straight from the records: the people employed on the
/// day with a position in the unit (within the caller's scope), their required set from all their
/// positions that day, and each requirement's state from completions up to that day and exemptions.
/// This is the reference definition of compliance; faster engines must give the same answers.
/// </summary>
public sealed class ComputeComplianceSnapshot(AppDbContext db)
{
    public async Task<ComplianceSnapshot> RunAsync(AccessScope scope, int? departmentId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == scope.OrganisationId, cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == scope.OrganisationId)
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        string? unitPath = null;
        var unitName = organisation.Name;
        if (departmentId is int id)
        {
            if (!departments.TryGetValue(id, out var unit) || !scope.CanSeeDepartment(id))
            {
                throw new KeyNotFoundException("Department not found.");
            }

            unitPath = unit.Path;
            unitName = unit.Name;
        }

        var staff = await scope.VisibleStaff(db).AsNoTracking()
            .Where(s => s.StartDate <= asOf && (s.LeavingDate == null || s.LeavingDate > asOf))
            .Include(s => s.Positions)
            .ToListAsync(cancellationToken);

        bool InUnit(Position p) => p.IsCurrentOn(asOf)
            && departments.TryGetValue(p.DepartmentId, out var d)
            && (unitPath is null || DepartmentTree.IsWithin(d.Path, unitPath))
            && (scope.OrganisationWide || scope.ManagedDepartmentIds.Contains(p.DepartmentId) || scope.OwnStaffMemberId == p.StaffMemberId);

        var members = staff.Where(s => s.Positions.Any(InUnit)).ToList();
        var ids = members.Select(s => s.Id).ToHashSet();

        var context = await RequirementContext.LoadAsync(db, scope.OrganisationId, cancellationToken);
        // A ward asks for its own people's records only; the whole organisation reads them all in one scan.
        var idList = ids.ToList();
        var everyone = departmentId is null && scope.OrganisationWide;
        var completions = (await db.Completions.AsNoTracking()
                .Where(c => c.OrganisationId == scope.OrganisationId && c.CompletedOn <= asOf)
                .Where(c => everyone || idList.Contains(c.StaffMemberId))
                .Select(c => new { c.Id, c.StaffMemberId, c.CompetencyId, c.CompletedOn })
                .ToListAsync(cancellationToken))
            .Where(c => ids.Contains(c.StaffMemberId))
            .ToLookup(c => c.StaffMemberId);
        var caps = await db.CertificationCaps.AsNoTracking()
            .Where(c => c.OrganisationId == scope.OrganisationId && c.RevokedAt == null && c.CompletedOn <= asOf)
            .Where(c => everyone || idList.Contains(c.StaffMemberId))
            .Select(c => new { c.CompletionId, c.ValidUntil })
            .ToListAsync(cancellationToken);
        var capOf = caps.GroupBy(c => c.CompletionId).ToDictionary(g => g.Key, g => g.Min(c => c.ValidUntil));
        var exemptions = (await db.Exemptions.AsNoTracking()
                .Where(e => e.OrganisationId == scope.OrganisationId && e.RevokedAt == null && e.StartsOn <= asOf)
                .Where(e => everyone || idList.Contains(e.StaffMemberId))
                .Select(e => new { e.StaffMemberId, e.CompetencyId, e.StartsOn, e.EndsOn })
                .ToListAsync(cancellationToken))
            .Where(e => ids.Contains(e.StaffMemberId))
            .ToLookup(e => e.StaffMemberId);

        var people = new List<SnapshotPerson>(members.Count);
        foreach (var person in members.OrderBy(s => s.LastName, StringComparer.Ordinal).ThenBy(s => s.FirstName, StringComparer.Ordinal).ThenBy(s => s.Id))
        {
            var facts = person.Positions.Select(p => context.Facts(p, departments[p.DepartmentId].Path));
            var requirements = context.Resolve(facts, asOf);
            var held = completions[person.Id].ToList();
            var exempt = exemptions[person.Id].ToList();
            var statuses = requirements.Select(r => RequirementStatusCalculator.Evaluate(
                    r,
                    held.Where(c => context.Competencies.TryGetValue(c.CompetencyId, out var h) && h.Satisfies(r.Competency)).Select(c => new CompletionEvidence(c.CompletedOn, capOf.TryGetValue(c.Id, out var cap) ? cap : null)),
                    exempt.Where(e => e.CompetencyId == r.Competency.Id).Select(e => new ExemptionPeriod(e.StartsOn, e.EndsOn)),
                    asOf,
                    organisation.RenewalWindowDays))
                .ToList();
            var position = person.Positions.Where(InUnit).OrderBy(p => p.StartDate).First();
            people.Add(new SnapshotPerson(person.Id, person.EmployeeNumber, person.FirstName, person.LastName,
                position.DepartmentId, departments[position.DepartmentId].Name, position.JobRole, position.StaffGroupCode,
                position.PatientContact, position.RegisteredClinician, statuses));
        }

        return new ComplianceSnapshot(scope.OrganisationId, departmentId, unitName, asOf, people,
            await SubjectsAsync(scope.OrganisationId, people, cancellationToken));
    }

    private async Task<IReadOnlyList<SnapshotSubject>> SubjectsAsync(int organisationId, List<SnapshotPerson> people, CancellationToken cancellationToken)
    {
        var targets = await db.SubjectTargets.Where(t => t.OrganisationId == organisationId)
            .ToDictionaryAsync(t => t.SubjectId, t => t.TargetPercent, cancellationToken);
        var totals = new Dictionary<int, (Subject Subject, int Required, int Compliant)>();
        foreach (var person in people)
        {
            foreach (var bySubject in person.Statuses.GroupBy(s => s.Requirement.Competency.SubjectId))
            {
                var subject = bySubject.First().Requirement.Competency.Subject!;
                var met = bySubject.All(s => s.IsCompliant);
                totals[bySubject.Key] = totals.TryGetValue(bySubject.Key, out var t)
                    ? (t.Subject, t.Required + 1, t.Compliant + (met ? 1 : 0))
                    : (subject, 1, met ? 1 : 0);
            }
        }

        return totals.Values
            .OrderBy(t => t.Subject.FrameworkCode, StringComparer.Ordinal).ThenBy(t => t.Subject.Name, StringComparer.Ordinal)
            .Select(t => new SnapshotSubject(t.Subject.Id, t.Subject.Code, t.Subject.Name,
                targets.TryGetValue(t.Subject.Id, out var target) ? target : SubjectTarget.DefaultPercent, t.Required, t.Compliant))
            .ToList();
    }
}
