using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Requirements;

/// <summary>Create (/rules/new) or change (/rules/{id}/edit) a rule.</summary>
[Authorize(Policy = Policies.RuleEditors)]
public sealed class RuleEditModel(CurrentUser current, AppDbContext db, ListRequirementRules list, SaveRequirementRule save) : PageModel
{
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string CompetencyCode { get; set; } = "";
    [BindProperty] public string? StaffGroupCode { get; set; }
    [BindProperty] public string? JobRole { get; set; }
    [BindProperty] public string? DepartmentCode { get; set; }
    [BindProperty] public bool? Clinical { get; set; }
    [BindProperty] public bool? PatientContact { get; set; }
    [BindProperty] public bool? WorksWithChildren { get; set; }
    [BindProperty] public bool? RegisteredClinician { get; set; }
    [BindProperty] public int GraceDays { get; set; } = RequirementRule.DefaultGraceDays;
    [BindProperty] public bool IsActive { get; set; } = true;
    [BindProperty] public bool RequiresObservation { get; set; }

    /// <summary>Competencies that have an observed-practice counterpart (the checkbox applies only to them).</summary>
    public IReadOnlyList<string> ObservableNames { get; private set; } = [];

    public int? Id { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(string Code, string Label, string Group)> Competencies { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> StaffGroups { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is int ruleId)
        {
            var rule = await list.FindAsync((await current.GetScopeAsync(ct)).OrganisationId, ruleId, ct);
            if (rule is null)
            {
                return NotFound();
            }

            (Name, CompetencyCode, StaffGroupCode, JobRole, DepartmentCode) = (rule.Name, rule.CompetencyCode, rule.StaffGroupCode, rule.JobRole, rule.DepartmentCode);
            (Clinical, PatientContact, WorksWithChildren, RegisteredClinician) = (rule.Clinical, rule.PatientContact, rule.WorksWithChildren, rule.RegisteredClinician);
            (GraceDays, IsActive, RequiresObservation) = (rule.GraceDays, rule.IsActive, rule.RequiresObservation);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var scope = await current.GetScopeAsync(ct);
        var input = new RuleInput(Name, CompetencyCode, StaffGroupCode, JobRole, DepartmentCode, Clinical, PatientContact,
            WorksWithChildren, RegisteredClinician, GraceDays, IsActive, RequiresObservation);
        var result = await save.RunAsync(scope.OrganisationId, id, input, await current.GetActorAsync(), ct);
        if (result.Errors.ContainsKey("Id"))
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/rules/{result.Id}");
        }

        Errors = result.Errors;
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var all = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToListAsync(ct);
        ObservableNames = all.Where(c => c.ObservedCounterpart(all) is not null)
            .OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Subject!.Name + " " + c.Name).ToList();
        Competencies = all
            .OrderBy(c => c.Subject!.FrameworkCode, StringComparer.Ordinal).ThenBy(c => c.Subject!.Name, StringComparer.Ordinal).ThenBy(c => c.Level)
            .Select(c => (c.Code, c.Subject!.Name + " — " + c.Name, c.Subject.FrameworkCode)).ToList();
        StaffGroups = (await db.StaffGroups.OrderBy(g => g.Name).ToListAsync(ct)).Select(g => (g.Code, g.Name)).ToList();
        Departments = (await db.Departments.Where(d => d.OrganisationId == scope.OrganisationId).OrderBy(d => d.Path).ToListAsync(ct))
            .Select(d => (d.Code, new string('\u00a0', 2 * (d.Path.Count(ch => ch == '/') - 2)) + d.Name)).ToList();
    }
}
