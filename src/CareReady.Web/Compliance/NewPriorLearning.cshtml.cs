using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Compliance;

[Authorize(Policy = Policies.PeopleReaders)]
public sealed class NewPriorLearningModel(CurrentUser current, GetPersonProfile profiles, AppDbContext db, RecordPriorLearning record)
    : EvidenceFormModel(current, profiles, db)
{
    [BindProperty] public string? CompletedOn { get; set; }
    [BindProperty] public string Source { get; set; } = "";
    [BindProperty] public string? Reference { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, requiredOnly: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, requiredOnly: false, ct))
        {
            return NotFound();
        }

        if (Date(CompletedOn, nameof(CompletedOn), "Enter the date it was achieved as YYYY-MM-DD") is not DateOnly completed)
        {
            return Page();
        }

        var result = await record.RunAsync(await Current.GetScopeAsync(ct), id, new PriorLearningInput(CompetencyCode, completed, Source, Reference), await Current.GetActorAsync(), ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/people/{id}");
        }

        foreach (var e in result.Errors)
        {
            Errors[e.Key] = e.Value;
        }

        return Page();
    }
}
