using CareReady.Core.Data;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Pathways;

/// <summary>A manager assigns a pathway to one of their people (by employee number) or to a department they manage.</summary>
[Authorize(Policy = Policies.PeopleReaders)]
public sealed class AssignModel(CurrentUser current, ListRolePathways list, AssignPathway assign, AppDbContext db) : PageModel
{
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? EmployeeNumber { get; set; }
    [BindProperty] public int? DepartmentId { get; set; }

    public RolePathwayView? Pathway { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var scope = await current.GetScopeAsync(ct);
        int? person = null;
        if (Target == "person")
        {
            var number = EmployeeNumber?.Trim() ?? "";
            person = number.Length == 0 ? null
                : await scope.VisibleStaff(db).Where(s => s.EmployeeNumber == number).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (person is null)
            {
                Errors["employee-number"] = number.Length == 0 ? "Enter the person's employee number" : $"Nobody in your teams has the employee number {number}";
                return Page();
            }
        }
        else if (Target == "team")
        {
            if (DepartmentId is null)
            {
                Errors["department"] = "Choose a department";
                return Page();
            }
        }
        else
        {
            Errors["target-person"] = "Choose whether to assign it to a person or a team";
            return Page();
        }

        var result = await assign.RunAsync(scope, id, new PathwayAssignmentInput(person, Target == "team" ? DepartmentId : null), await current.GetActorAsync(), ct);
        switch (result.Outcome)
        {
            case AssignPathwayOutcome.NotFound when Target == "team":
                Errors["department"] = "Choose one of your departments";
                return Page();
            case AssignPathwayOutcome.NotFound:
                return NotFound();
            case AssignPathwayOutcome.Invalid:
                Errors["target-person"] = result.Problem!;
                return Page();
            default:
                var who = Target == "team" ? Departments.First(d => d.Id == DepartmentId).Name : "employee " + EmployeeNumber!.Trim();
                var message = result.Outcome == AssignPathwayOutcome.AlreadyAssigned
                    ? $"“{Pathway!.Name}” was already assigned to {who}."
                    : $"“{Pathway!.Name}” is assigned to {who}: its steps are in their plan.";
                return Redirect("/pathways/manage?assigned=" + Uri.EscapeDataString(message));
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Pathway = await list.FindAsync(scope.OrganisationId, id, ct);
        if (Pathway is not { Active: true })
        {
            return false;
        }

        Departments = (await db.Departments.AsNoTracking().Where(d => d.OrganisationId == scope.OrganisationId).Select(d => new { d.Id, d.Name, d.Path }).ToListAsync(ct))
            .Where(d => scope.CanSeeDepartment(d.Id)).OrderBy(d => d.Path, StringComparer.Ordinal).Select(d => (d.Id, d.Name)).ToList();
        return true;
    }
}
