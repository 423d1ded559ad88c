using System.Globalization;
using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Changes a draft's details: title, summary, time, what it confers and the assessment's rules.</summary>
[Authorize]
public sealed class DetailsModel(CurrentUser current, GetAuthoringVersion get, UpdateDraftDetails update) : AuthoringVersionPageModel(current, get), IModuleDetailsForm
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? EstimatedMinutes { get; set; }
    [BindProperty] public string? Competencies { get; set; }
    [BindProperty] public string? PassMarkPercent { get; set; }
    [BindProperty] public string? AttemptLimit { get; set; }
    [BindProperty] public string? QuestionsPerOutcome { get; set; }
    [BindProperty] public string? Contact { get; set; }


    public async Task<IActionResult> OnGetAsync(int moduleId, int number, CancellationToken ct)
    {
        if (await LoadAsync(moduleId, number, ct) is { } refusal)
        {
            return refusal;
        }

        var v = Version.Version;
        static string S(int n) => n.ToString(CultureInfo.InvariantCulture);
        (Title, Summary, EstimatedMinutes, PassMarkPercent, AttemptLimit, QuestionsPerOutcome, Contact) =
            (v.Title, v.Summary, S(v.EstimatedMinutes), S(v.PassMarkPercent), S(v.AttemptLimit), S(v.QuestionsPerOutcome), v.Contact);
        Competencies = string.Join("\n", Version.Confers.Select(c => c.Code));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int moduleId, int number, CancellationToken ct)
    {
        var input = new DraftDetailsInput(Title, Summary, Whole(EstimatedMinutes), Whole(PassMarkPercent), Whole(AttemptLimit),
            Whole(QuestionsPerOutcome), Contact, Codes(Competencies));
        var result = await update.RunAsync(await ScopeAsync(ct), moduleId, number, input, ct);
        if (result.Succeeded)
        {
            return Redirect(VersionPath(moduleId, number));
        }

        return Refusal(result) ?? await LoadAsync(moduleId, number, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int moduleId, int number, CancellationToken ct) =>
        await LoadVersionAsync(moduleId, number, ct) ?? UnlessEditable(moduleId, number);
}
