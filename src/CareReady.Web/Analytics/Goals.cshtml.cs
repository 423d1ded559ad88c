using CareReady.Core.Analytics;
using CareReady.Core.Identity;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Analytics;

/// <summary>Strategic goals: progress and forecast; executives, compliance leads and admins set new ones.</summary>
[Authorize(Policy = Policies.AnalyticsReaders)]
public sealed class GoalsModel(CurrentUser current, StrategicGoals goals) : PageModel
{
    public IReadOnlyList<GoalProgress> Goals { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public bool CanSet { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? SubjectCode { get; set; }
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public decimal? TargetPercent { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public int? AiLevel { get; set; }
    [BindProperty] public string? StaffGroupCode { get; set; }
    [BindProperty] public int? MinBand { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!(scope.IsInRole(Roles.Executive) || scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin)))
        {
            return Forbid();
        }

        var (goal, errors) = await goals.CreateAsync(AnalyticsScope.For(scope), new GoalInput(Name, SubjectCode, UnitCode, TargetPercent, DueOn, AiLevel, StaffGroupCode, MinBand), await current.GetActorAsync(), ct);
        if (goal is not null)
        {
            return RedirectToPage();
        }

        Errors = errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanSet = scope.IsInRole(Roles.Executive) || scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin);
        Goals = await goals.ListAsync(scope, ct);
    }
}
