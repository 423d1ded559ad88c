using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Supervision;

public sealed record SupervisorChoice(string UserId, string Name, string Role);

/// <summary>
/// The people a learner may ask to confirm a self-assessment: their line managers (managers whose
/// departments include one of the learner's current positions), educators and compliance leads of
/// the organisation — never their own account.
/// </summary>
public sealed class ListSupervisors(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<SupervisorChoice>> ForPersonAsync(int organisationId, int staffMemberId, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var paths = await db.Positions
            .Where(p => p.StaffMemberId == staffMemberId && p.OrganisationId == organisationId && p.StartDate <= today && (p.EndDate == null || p.EndDate > today))
            .Join(db.Departments, p => p.DepartmentId, d => d.Id, (p, d) => d.Path)
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.StaffMemberId != staffMemberId)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var scopes = await db.ManagerScopes.Where(m => m.OrganisationId == organisationId)
            .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => new { m.UserId, d.Path })
            .ToListAsync(cancellationToken);

        var choices = new List<SupervisorChoice>();
        foreach (var user in users)
        {
            var held = roles.Where(r => r.UserId == user.Id).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName;
            var lineManager = held.Contains(Roles.Manager)
                && scopes.Any(s => s.UserId == user.Id && paths.Any(p => DepartmentTree.IsWithin(p, s.Path)));
            var role = lineManager ? "Line manager"
                : held.Contains(Roles.Educator) || held.Contains(Roles.EducatorLead) ? "Educator"
                : held.Contains(Roles.ComplianceLead) ? "Compliance lead"
                : null;
            if (role is not null)
            {
                choices.Add(new SupervisorChoice(user.Id, name, role));
            }
        }

        return choices.OrderBy(c => c.Role == "Line manager" ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
