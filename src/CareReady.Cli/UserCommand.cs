using System.CommandLine;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary><c>careready user create</c>: sign-in accounts, e.g. a new installation's first administrator.</summary>
public static class UserCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Sign-in email address", Required = true };
        var org = new Option<string>("--org") { Description = "Organisation code", Required = true };
        var role = new Option<string[]>("--role") { Description = "Role(s): " + string.Join(", ", Roles.All), Required = true, AllowMultipleArgumentsPerToken = true };
        var staff = new Option<string?>("--staff") { Description = "Employee number of the person's staff record (links 'My record')" };
        var manages = new Option<string[]>("--manages") { Description = "Department code(s) a manager is responsible for (with everything below)", AllowMultipleArgumentsPerToken = true };
        var password = new Option<string?>("--password") { Description = "Initial password; if omitted it is read from the CAREREADY_PASSWORD environment variable" };

        var create = new Command("create", "Create a sign-in account");
        foreach (var option in new Option[] { email, org, role, staff, manages, password })
        {
            create.Options.Add(option);
        }

        create.SetAction(async (parse, ct) =>
        {
            var roles = parse.GetValue(role) ?? [];
            var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Unknown role(s) {string.Join(", ", unknown)}; expected {string.Join(", ", Roles.All)}.");
                return 2;
            }

            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("CAREREADY_PASSWORD");
            if (string.IsNullOrEmpty(secret))
            {
                await Console.Error.WriteLineAsync("Give --password or set CAREREADY_PASSWORD.");
                return 2;
            }

            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);
            var orgCode = parse.GetValue(org)!;
            var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Code == orgCode, ct);
            if (organisation is null)
            {
                await Console.Error.WriteLineAsync($"No organisation with code '{orgCode}'.");
                return 1;
            }

            int? staffId = null;
            if (parse.GetValue(staff) is string number)
            {
                staffId = await db.Staff.Where(s => s.OrganisationId == organisation.Id && s.EmployeeNumber == number).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
                if (staffId is null)
                {
                    await Console.Error.WriteLineAsync($"No staff member with employee number '{number}' in {orgCode}.");
                    return 1;
                }
            }

            var departmentCodes = parse.GetValue(manages) ?? [];
            var departments = await db.Departments.Where(d => d.OrganisationId == organisation.Id && departmentCodes.Contains(d.Code)).ToListAsync(ct);
            var missing = departmentCodes.Except(departments.Select(d => d.Code)).ToList();
            if (missing.Count > 0)
            {
                await Console.Error.WriteLineAsync($"No department(s) {string.Join(", ", missing)} in {orgCode}.");
                return 1;
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var address = parse.GetValue(email)!.Trim();
            var user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, OrganisationId = organisation.Id, StaffMemberId = staffId, DisplayName = address };
            var created = await users.CreateAsync(user, secret);
            if (created.Succeeded)
            {
                created = await users.AddToRolesAsync(user, roles);
            }

            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }

            foreach (var d in departments)
            {
                db.ManagerScopes.Add(new ManagerScope { OrganisationId = organisation.Id, UserId = user.Id, DepartmentId = d.Id });
            }

            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Created {address} with role(s) {string.Join(", ", roles)} in {orgCode}.");
            return 0;
        });

        var command = new Command("user", "Sign-in accounts");
        command.Subcommands.Add(create);
        return command;
    }
}
