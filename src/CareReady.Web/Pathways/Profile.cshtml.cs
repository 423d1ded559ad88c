using CareReady.Core.Pathways.Mastery;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Pathways;

/// <summary>A competency profile (mine, or a person in my scope): strong / developing / gap per subject, with the evidence.</summary>
public sealed class ProfileModel(CurrentUser current, GetCompetencyProfile get) : PageModel
{
    public CompetencyProfile? Profile { get; private set; }
    public bool Own { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Own = id is null || id == scope.OwnStaffMemberId;
        if ((id ?? scope.OwnStaffMemberId) is not int person)
        {
            return Page();
        }

        Profile = await get.RunAsync(scope, person, ct);
        return Profile is null ? NotFound() : Page();
    }

    public static (string Text, string Css) Tag(MasteryLevel level) => level switch
    {
        MasteryLevel.Strong => ("Strong", "nhsuk-tag--green"),
        MasteryLevel.Gap => ("Gap", "nhsuk-tag--red"),
        _ => ("Developing", "nhsuk-tag--yellow"),
    };
}
