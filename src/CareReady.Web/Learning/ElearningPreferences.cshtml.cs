using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>The signed-in learner's language and sound for e-learning (handed to SCORM packages and cmi5 courses at launch).</summary>
public sealed class ElearningPreferencesModel(CurrentUser current, GetElearningPreferences get, SaveElearningPreferences save) : PageModel
{
    [BindProperty] public string Language { get; set; } = ElearningLanguages.Default;
    [BindProperty] public bool AudioOn { get; set; } = true;
    public bool Saved { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(bool? saved, CancellationToken ct)
    {
        if (await current.GetScopeAsync(ct) is not { OwnStaffMemberId: int person } scope)
        {
            return NotFound();
        }

        Saved = saved == true;
        (Language, AudioOn) = await get.RunAsync(scope.OrganisationId, person, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await current.GetScopeAsync(ct) is not { OwnStaffMemberId: int person } scope)
        {
            return NotFound();
        }

        if ((await save.RunAsync(scope.OrganisationId, person, new ElearningPreferencesView(Language, AudioOn), ct)).Saved is null)
        {
            Errors["Language"] = "Choose a language from the list";
            return Page();
        }

        return Redirect("/learning/preferences?saved=true");
    }
}
