using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Demo;

/// <summary>The demo sign-in accounts: roles, users linked to staff records, the manager's scope.</summary>
internal static class DemoAccounts
{
    public static async Task CheckPasswordAsync(UserManager<AppUser> users, string password)
    {
        var probe = new AppUser { UserName = DemoSeeder.LearnerEmail, Email = DemoSeeder.LearnerEmail };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The demo password is not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    public static async Task EnsureRolesAsync(AppDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var present = await db.Roles.AsNoTracking().Select(r => r.Name).ToListAsync(ct);
        var missing = Roles.All.Where(r => !present.Contains(r)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.Roles.AddRange(missing.Select(name => new IdentityRole(name)
        {
            NormalizedName = users.NormalizeName(name) ?? name.ToUpperInvariant(),
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo executive's display name (the account has no staff record).</summary>
    public const string ExecutiveName = "Dr Morgan Ellis";

    public static async Task<List<DemoAccount>> CreateAsync(
        AppDbContext db, UserManager<AppUser> users, DemoOrganisation demo, int orgId,
        Dictionary<int, Department> departments, Dictionary<int, int> staffIds, string password, DateOnly today, CancellationToken ct)
    {
        var p = demo.Personas;
        var people = demo.Staff.ToDictionary(s => s.Id);
        var plan = new (string Email, string Role, int? StaffId)[]
        {
            (DemoSeeder.LearnerEmail, Roles.Learner, p.LearnerStaffId),
            (DemoSeeder.ManagerEmail, Roles.Manager, p.ManagerStaffId),
            (DemoSeeder.EducatorEmail, Roles.Educator, p.EducatorStaffId),
            (DemoSeeder.ComplianceEmail, Roles.ComplianceLead, p.ComplianceLeadStaffId),
            (DemoSeeder.AdminEmail, Roles.Admin, p.AdminStaffId),
            (DemoSeeder.ExecutiveEmail, Roles.Executive, null), // a board member: figures for the whole trust, no training record of their own here
        };

        // One hash for the shared, documented demo password (validated before anything was written).
        var passwordHash = users.PasswordHasher.HashPassword(new AppUser(), password);
        var accounts = new List<DemoAccount>();
        foreach (var (email, role, localStaffId) in plan)
        {
            ct.ThrowIfCancellationRequested();
            var person = localStaffId is int local ? people[local] : null;
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PasswordHash = passwordHash };
                Link(user);
                Check(await users.CreateAsync(user), email);
            }
            else
            {
                // Left over from an earlier, interrupted seed: relink it and give it the documented password.
                Link(user);
                user.PasswordHash = passwordHash;
                user.EmailConfirmed = true;
                Check(await users.UpdateAsync(user), email);
            }

            var wanted = role is Roles.Learner or Roles.Executive ? new[] { role } : [Roles.Learner, role];
            var held = await users.GetRolesAsync(user);
            var add = wanted.Where(r => !held.Contains(r)).ToList();
            if (add.Count > 0)
            {
                Check(await users.AddToRolesAsync(user, add), email);
            }

            if (role == Roles.Manager)
            {
                var departmentId = departments[p.ManagerDepartmentId].Id;
                if (!await db.ManagerScopes.AnyAsync(m => m.UserId == user.Id && m.DepartmentId == departmentId, ct))
                {
                    db.ManagerScopes.Add(new ManagerScope { OrganisationId = orgId, UserId = user.Id, DepartmentId = departmentId });
                    await db.SaveChangesAsync(ct);
                }
            }

            if (person is null)
            {
                accounts.Add(new DemoAccount(email, role, ExecutiveName, "Chief Nurse (board)", "Trust board"));
                continue;
            }

            var main = person.Positions.Where(x => x.IsCurrentOn(today)).OrderBy(x => x.StartDate).First();
            accounts.Add(new DemoAccount(email, role, person.FullName, main.JobRole + " (" + main.Band + ")", departments[main.DepartmentId].Name));

            void Link(AppUser u)
            {
                u.OrganisationId = orgId;
                u.StaffMemberId = localStaffId is int l ? staffIds[l] : null;
                u.DisplayName = person?.FullName ?? ExecutiveName;
            }
        }

        return accounts;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not set up the demo account " + email + ": "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
