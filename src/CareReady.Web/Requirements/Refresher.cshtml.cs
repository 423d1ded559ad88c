using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Requirements;

/// <summary>Local refresher periods: see them all, set or remove one (a reason is always recorded).</summary>
[Authorize(Policy = Policies.RuleEditors)]
public sealed class RefresherModel(CurrentUser current, AppDbContext db, SetRefresherOverride set) : PageModel
{
    [BindProperty] public string CompetencyCode { get; set; } = "";
    [BindProperty] public int? Months { get; set; }
    [BindProperty] public string? Justification { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(string Code, string Label, int? Framework, int? Local, string? Reason, string? RecordedBy, DateTime? At)> Rows { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var result = await set.RunAsync(scope.OrganisationId, new RefresherOverrideInput(CompetencyCode, Months, Justification), await current.GetActorAsync(), ct);
        if (result.Succeeded)
        {
            return Redirect("/rules/refresher?saved=1");
        }

        Errors = result.Errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Saved = Request.Query.ContainsKey("saved");
        var scope = await current.GetScopeAsync(ct);
        var overrides = await db.RefresherOverrides.Where(o => o.OrganisationId == scope.OrganisationId).ToDictionaryAsync(o => o.CompetencyId, ct);
        Rows = (await db.Competencies.AsNoTracking().Include(c => c.Subject).Where(c => c.DefaultRefresherMonths != null).ToListAsync(ct))
            .OrderBy(c => c.Subject!.Name, StringComparer.Ordinal).ThenBy(c => c.Level)
            .Select(c =>
            {
                overrides.TryGetValue(c.Id, out var o);
                return (c.Code, c.Subject!.Name + " — " + c.Name, c.DefaultRefresherMonths, o?.Months, o?.Justification, o?.RecordedBy, o?.RecordedAt);
            }).ToList();
    }
}
