using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.RolePathways;

/// <summary>Exactly one of a person or a department (the whole subtree below it).</summary>
public sealed record PathwayAssignmentInput(int? StaffMemberId, int? DepartmentId);

public enum AssignPathwayOutcome
{
    Assigned,
    AlreadyAssigned,
    NotFound,
    Invalid,
}

public sealed record AssignPathwayResult(AssignPathwayOutcome Outcome, int? AssignmentId = null, string? Problem = null);

/// <summary>
/// A manager assigns a pathway to a person or a department in their own departments; compliance
/// leads and admins anywhere in the organisation. A person or department outside the caller's scope,
/// or a pathway of another organisation, is not found. Assigning twice changes nothing.
/// </summary>
public sealed class AssignPathway(AppDbContext db, TimeProvider time)
{
    public async Task<AssignPathwayResult> RunAsync(AccessScope scope, int pathwayId, PathwayAssignmentInput input, string actor, CancellationToken ct = default)
    {
        if (!scope.CanSeeTeams)
        {
            return new AssignPathwayResult(AssignPathwayOutcome.NotFound);
        }

        var pathway = await db.RolePathways.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pathwayId && p.OrganisationId == scope.OrganisationId, ct);
        if (pathway is null)
        {
            return new AssignPathwayResult(AssignPathwayOutcome.NotFound);
        }

        if ((input.StaffMemberId is null) == (input.DepartmentId is null))
        {
            return new AssignPathwayResult(AssignPathwayOutcome.Invalid, Problem: "Choose either one person (staffMemberId) or one department (departmentId).");
        }

        if (!pathway.Active)
        {
            return new AssignPathwayResult(AssignPathwayOutcome.Invalid, Problem: $"The pathway “{pathway.Name}” is retired and cannot be assigned.");
        }

        if (input.StaffMemberId is int person && !await scope.VisibleStaff(db).AnyAsync(s => s.Id == person, ct))
        {
            return new AssignPathwayResult(AssignPathwayOutcome.NotFound);
        }

        if (input.DepartmentId is int department
            && (!scope.CanSeeDepartment(department) || !await db.Departments.AnyAsync(d => d.Id == department && d.OrganisationId == scope.OrganisationId, ct)))
        {
            return new AssignPathwayResult(AssignPathwayOutcome.NotFound);
        }

        var existing = await db.PathwayAssignments.FirstOrDefaultAsync(a => a.OrganisationId == scope.OrganisationId && a.RolePathwayId == pathwayId
            && a.EndedAt == null && !a.ChosenByLearner && a.StaffMemberId == input.StaffMemberId && a.DepartmentId == input.DepartmentId, ct);
        if (existing is not null)
        {
            return new AssignPathwayResult(AssignPathwayOutcome.AlreadyAssigned, existing.Id);
        }

        var assignment = new PathwayAssignment
        {
            OrganisationId = scope.OrganisationId, RolePathwayId = pathwayId, StaffMemberId = input.StaffMemberId, DepartmentId = input.DepartmentId,
            AssignedBy = actor, AssignedAt = time.GetUtcNow().UtcDateTime,
        };
        db.PathwayAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return new AssignPathwayResult(AssignPathwayOutcome.Assigned, assignment.Id);
    }

    /// <summary>
    /// A learner chooses a pathway open to learners as their development pathway (one at a time:
    /// choosing another ends the previous choice).
    /// </summary>
    public async Task<AssignPathwayResult> ChooseAsync(AccessScope scope, int pathwayId, string actor, CancellationToken ct = default)
    {
        if (scope.OwnStaffMemberId is not int person)
        {
            return new AssignPathwayResult(AssignPathwayOutcome.NotFound);
        }

        var pathway = await db.RolePathways.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == pathwayId && p.OrganisationId == scope.OrganisationId && p.Active && p.OpenToLearners, ct);
        if (pathway is null)
        {
            return new AssignPathwayResult(AssignPathwayOutcome.NotFound);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var chosen = await db.PathwayAssignments.Where(a => a.OrganisationId == scope.OrganisationId && a.StaffMemberId == person && a.ChosenByLearner && a.EndedAt == null)
            .ToListAsync(ct);
        if (chosen.Any(a => a.RolePathwayId == pathwayId))
        {
            return new AssignPathwayResult(AssignPathwayOutcome.AlreadyAssigned, chosen.First(a => a.RolePathwayId == pathwayId).Id);
        }

        chosen.ForEach(a => a.EndedAt = now);
        var assignment = new PathwayAssignment
        {
            OrganisationId = scope.OrganisationId, RolePathwayId = pathwayId, StaffMemberId = person, ChosenByLearner = true, AssignedBy = actor, AssignedAt = now,
        };
        db.PathwayAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return new AssignPathwayResult(AssignPathwayOutcome.Assigned, assignment.Id);
    }

    /// <summary>Who may define pathways: educators, educator leads, compliance leads and admins.</summary>
    public static bool CanDefine(AccessScope scope) =>
        scope.IsInRole(Roles.Educator) || scope.IsInRole(Roles.EducatorLead) || scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin);
}
