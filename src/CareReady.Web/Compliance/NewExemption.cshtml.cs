using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Compliance;

[Authorize(Policy = Policies.PeopleReaders)]
public sealed class NewExemptionModel(CurrentUser current, GetPersonProfile profiles, AppDbContext db, RecordExemption record)
    : EvidenceFormModel(current, profiles, db)
{
    [BindProperty] public string Reason { get; set; } = "";
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? LastDay { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, requiredOnly: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, requiredOnly: true, ct))
        {
            return NotFound();
        }

        var starts = Date(StartsOn, nameof(StartsOn), "Enter the first day of the exemption as YYYY-MM-DD");
        var last = Date(LastDay, nameof(LastDay), "Enter the last day of the exemption as YYYY-MM-DD");
        if (starts is null || last is null)
        {
            return Page();
        }

        var result = await record.RunAsync(await Current.GetScopeAsync(ct), id, new ExemptionInput(CompetencyCode, Reason, starts.Value, last.Value.AddDays(1)), await Current.GetActorAsync(), ct);
        if (result is null)
        {
            return NotFound(); // not theirs to approve (e.g. their own record)
        }

        if (result.Succeeded)
        {
            return Redirect($"/people/{id}");
        }

        foreach (var e in result.Errors)
        {
            Errors[e.Key == "EndsOn" ? nameof(LastDay) : e.Key] = e.Value;
        }

        return Page();
    }
}
