using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Creates a module and its first draft version.</summary>
[Authorize]
public sealed class NewModuleModel(CurrentUser current, CreateModule create) : AuthoringPageModel(current), IModuleDetailsForm
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? EstimatedMinutes { get; set; }
    [BindProperty] public string? Competencies { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await IsAuthorAsync(ct) ? Page() : Denied();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.RunAsync(await ScopeAsync(ct),
            new CreateModuleInput(Code, Title, Summary, Whole(EstimatedMinutes), Codes(Competencies)), await Current.GetActorAsync(), ct);
        if (result.Succeeded)
        {
            return Redirect(VersionPath(result.ModuleId, result.VersionNumber));
        }

        return Refusal(result) ?? Page();
    }
}
