using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Adds a learning outcome to a draft ("…/outcomes/new") or edits one ("…/outcomes/LO1").</summary>
[Authorize]
public sealed class OutcomeEditModel(CurrentUser current, GetAuthoringVersion get, SaveOutcome save) : AuthoringVersionPageModel(current, get)
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Text { get; set; }

    public string? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int moduleId, int number, string outcome, CancellationToken ct)
    {
        if (await LoadAsync(moduleId, number, outcome, ct) is { } refusal)
        {
            return refusal;
        }

        var found = Version.Version.Outcomes.FirstOrDefault(o => o.Code == Existing);
        (Code, Text) = found is null ? ($"LO{Version.Version.Outcomes.Count + 1}", null) : (found.Code, found.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int moduleId, int number, string outcome, CancellationToken ct)
    {
        if (await LoadAsync(moduleId, number, outcome, ct) is { } refusal)
        {
            return refusal;
        }

        var result = await save.RunAsync(await ScopeAsync(ct), moduleId, number, Existing, new OutcomeInput(Code, Text), ct);
        return result.Succeeded ? Redirect(VersionPath(moduleId, number) + "#Outcomes") : Refusal(result) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int moduleId, int number, string outcome, CancellationToken ct)
    {
        if (await LoadVersionAsync(moduleId, number, ct) is { } refusal)
        {
            return refusal;
        }

        if (outcome != "new" && Version.Version.Outcomes.All(o => o.Code != outcome))
        {
            return NotFound();
        }

        Existing = outcome == "new" ? null : outcome;
        return UnlessEditable(moduleId, number);
    }
}
