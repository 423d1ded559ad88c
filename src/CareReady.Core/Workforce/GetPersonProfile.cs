using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Workforce;

public sealed record PositionView(
    int Id, string AssignmentNumber, string StaffGroupCode, string StaffGroupName, string JobRole, string Band,
    int DepartmentId, string DepartmentName, bool PatientContact, bool WorksWithChildren, bool RegisteredClinician,
    DateOnly StartDate, DateOnly? EndDate, bool IsCurrent);

public sealed record RequirementReasonView(int RuleId, string RuleName, string Audience, string AssignmentNumber, string JobRole);

public sealed record RequirementView(
    int CompetencyId, string CompetencyCode, string SubjectName, string CompetencyName, int? RefresherMonths,
    string State, string Label, string Rag, DateOnly? LastCompleted, DateOnly? ExpiresOn, DateOnly DueBy,
    IReadOnlyList<RequirementReasonView> Reasons, IReadOnlyList<string> Covers, ChangeNoticeView? Change = null);

/// <summary>A regulatory change that cut the requirement's current certification short: which, and until when it counts.</summary>
public sealed record ChangeNoticeView(int ChangeId, string Title, string Source, string FromVersion, string ToVersion, DateOnly ValidUntil);

public sealed record PersonProfile(
    int Id, string EmployeeNumber, string FirstName, string LastName, string WorkEmail, DateOnly StartDate,
    DateOnly? LeavingDate, string? RegistrationBody, string? RegistrationNumber,
    IReadOnlyList<PositionView> Positions, IReadOnlyList<RequirementView> Requirements, DateOnly AsOf);

/// <summary>One person: details, positions, and what they are required to hold today — and why.</summary>
public sealed class GetPersonProfile(AppDbContext db, TimeProvider time)
{
    /// <returns>Null when the person does not exist or is outside the caller's scope (the two are indistinguishable on purpose).</returns>
    public async Task<PersonProfile?> RunAsync(AccessScope scope, int staffMemberId, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var person = await scope.VisibleStaff(db).AsNoTracking()
            .Include(s => s.Positions).ThenInclude(p => p.Department)
            .FirstOrDefaultAsync(s => s.Id == staffMemberId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var context = await RequirementContext.LoadAsync(db, scope.OrganisationId, cancellationToken);
        var onDate = person.LeavingDate is DateOnly left && left <= today ? left.AddDays(-1) : today;
        var facts = person.Positions.Select(p => context.Facts(p, p.Department!.Path)).ToList();
        var requirements = context.Resolve(facts, onDate);

        var completions = await db.Completions.AsNoTracking()
            .Where(c => c.StaffMemberId == person.Id && c.OrganisationId == scope.OrganisationId)
            .Select(c => new { c.Id, c.CompetencyId, c.CompletedOn })
            .ToListAsync(cancellationToken);
        var caps = (await db.CertificationCaps.AsNoTracking()
                .Where(c => c.StaffMemberId == person.Id && c.OrganisationId == scope.OrganisationId && c.RevokedAt == null)
                .Join(db.RegulatoryChanges, k => k.RegulatoryChangeId, c => c.Id, (k, c) => new
                {
                    k.CompletionId, k.ValidUntil,
                    Notice = new ChangeNoticeView(c.Id, c.Title, c.Source!.Name, c.FromVersion!.Label, c.ToVersion!.Label, k.ValidUntil),
                })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.CompletionId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.ValidUntil).First());
        var capOf = caps.ToDictionary(c => c.Key, c => c.Value.ValidUntil);

        var exemptions = await db.Exemptions.AsNoTracking()
            .Where(e => e.StaffMemberId == person.Id && e.OrganisationId == scope.OrganisationId && e.RevokedAt == null)
            .Select(e => new { e.CompetencyId, e.StartsOn, e.EndsOn })
            .ToListAsync(cancellationToken);
        var renewalWindow = await db.Organisations.Where(o => o.Id == scope.OrganisationId)
            .Select(o => o.RenewalWindowDays).FirstAsync(cancellationToken);

        var departmentNames = await db.Departments.Where(d => d.OrganisationId == scope.OrganisationId)
            .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var positionsById = person.Positions.ToDictionary(p => p.Id);

        var views = requirements.Select(r =>
        {
            var satisfying = completions
                .Where(c => context.Competencies.TryGetValue(c.CompetencyId, out var held) && held.Satisfies(r.Competency)).ToList();
            var dates = satisfying.Select(c => new CompletionEvidence(c.CompletedOn, capOf.TryGetValue(c.Id, out var cap) ? cap : null));
            var status = RequirementStatusCalculator.Evaluate(r, dates,
                exemptions.Where(e => e.CompetencyId == r.Competency.Id).Select(e => new ExemptionPeriod(e.StartsOn, e.EndsOn)),
                onDate, renewalWindow);
            var reasons = r.Reasons
                .GroupBy(x => (x.RuleId, x.PositionId))
                .Select(g => g.First())
                .Select(x =>
                {
                    var rule = context.Rules.First(s => s.Rule.Id == x.RuleId).Rule;
                    var groupName = rule.StaffGroupCode is not null && context.StaffGroups.TryGetValue(rule.StaffGroupCode, out var g) ? g.Name : null;
                    var deptName = rule.DepartmentId is int d && departmentNames.TryGetValue(d, out var n) ? n : null;
                    return new RequirementReasonView(x.RuleId, x.RuleName, RuleMatcher.DescribeAudience(rule, deptName, groupName),
                        x.AssignmentNumber, positionsById[x.PositionId].JobRole);
                }).ToList();
            return new RequirementView(r.Competency.Id, r.Competency.Code, r.Competency.Subject?.Name ?? "", r.Competency.Name,
                r.RefresherMonths, status.State.ToString(), status.Label, status.Rag, status.LastCompleted, status.ExpiresOn, status.DueBy,
                reasons, r.Covers.Select(c => c.Code + " " + c.Name).ToList(),
                status.Cycles.Count > 0 && status.Cycles[^1].CappedByChange
                    ? satisfying.Where(c => c.CompletedOn == status.LastCompleted && caps.ContainsKey(c.Id)).Select(c => caps[c.Id].Notice)
                        .OrderByDescending(n => n.ValidUntil).FirstOrDefault()
                    : null);
        }).ToList();

        var positions = person.Positions.OrderBy(p => p.EndDate is not null).ThenBy(p => p.StartDate).Select(p => new PositionView(
            p.Id, p.AssignmentNumber, p.StaffGroupCode,
            context.StaffGroups.TryGetValue(p.StaffGroupCode, out var g) ? g.Name : p.StaffGroupCode,
            p.JobRole, p.Band, p.DepartmentId, p.Department!.Name, p.PatientContact, p.WorksWithChildren, p.RegisteredClinician,
            p.StartDate, p.EndDate, p.IsCurrentOn(today))).ToList();

        return new PersonProfile(person.Id, person.EmployeeNumber, person.FirstName, person.LastName, person.WorkEmail,
            person.StartDate, person.LeavingDate, person.RegistrationBody, person.RegistrationNumber, positions, views, onDate);
    }
}
