using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>
/// One version as its authors see it: details, lessons, outcomes and questions (editable while a draft),
/// preview, submit for review, approve or send back, retire, start a new version and compare.
/// </summary>
[Authorize]
public sealed class VersionModel(
    CurrentUser current, GetAuthoringVersion get, RemoveLesson removeLesson, MoveLesson moveLesson, RemoveOutcome removeOutcome,
    RemoveQuestion removeQuestion, SubmitForReview submit, ReviewVersion review, RetireVersion retire, NewDraftVersion newVersion)
    : AuthoringVersionPageModel(current, get)
{
    /// <summary>Set after a failed "Submit for review": the summary then lists every problem.</summary>
    public bool SubmitTried { get; private set; }

    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int moduleId, int number, CancellationToken ct) =>
        await LoadAsync(moduleId, number, ct) ?? Page();

    public Task<IActionResult> OnPostRemoveLessonAsync(int moduleId, int number, int position, CancellationToken ct) =>
        DoAsync(moduleId, number, async scope => await removeLesson.RunAsync(scope, moduleId, number, position, ct), ct);

    public Task<IActionResult> OnPostMoveLessonAsync(int moduleId, int number, int position, int to, CancellationToken ct) =>
        DoAsync(moduleId, number, async scope => await moveLesson.RunAsync(scope, moduleId, number, position, to, ct), ct);

    public Task<IActionResult> OnPostRemoveOutcomeAsync(int moduleId, int number, string code, CancellationToken ct) =>
        DoAsync(moduleId, number, async scope => await removeOutcome.RunAsync(scope, moduleId, number, code, ct), ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(int moduleId, int number, string key, CancellationToken ct) =>
        DoAsync(moduleId, number, async scope => await removeQuestion.RunAsync(scope, moduleId, number, key, ct), ct);

    public async Task<IActionResult> OnPostSubmitAsync(int moduleId, int number, CancellationToken ct)
    {
        SubmitTried = true;
        var actor = await Current.GetActorAsync();
        return await DoAsync(moduleId, number, async scope => await submit.RunAsync(scope, moduleId, number, actor, ct), ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(int moduleId, int number, CancellationToken ct)
    {
        var actor = await Current.GetActorAsync();
        return await DoAsync(moduleId, number, async scope => await review.RunAsync(scope, moduleId, number, new ReviewInput(true, null), actor, ct), ct);
    }

    public async Task<IActionResult> OnPostSendBackAsync(int moduleId, int number, CancellationToken ct)
    {
        var actor = await Current.GetActorAsync();
        return await DoAsync(moduleId, number, async scope => await review.RunAsync(scope, moduleId, number, new ReviewInput(false, Note), actor, ct), ct);
    }

    public Task<IActionResult> OnPostRetireAsync(int moduleId, int number, CancellationToken ct) =>
        DoAsync(moduleId, number, async scope => await retire.RunAsync(scope, moduleId, number, ct), ct);

    public async Task<IActionResult> OnPostNewVersionAsync(int moduleId, int number, CancellationToken ct)
    {
        var actor = await Current.GetActorAsync();
        var result = await newVersion.RunAsync(await ScopeAsync(ct), moduleId, actor, ct);
        if (result.Succeeded)
        {
            return Redirect(VersionPath(moduleId, result.VersionNumber));
        }

        return Refusal(result) ?? await LoadAsync(moduleId, number, ct) ?? Page();
    }

    private async Task<IActionResult> DoAsync(int moduleId, int number, Func<Core.Security.AccessScope, Task<AuthoringResult>> action, CancellationToken ct)
    {
        var result = await action(await ScopeAsync(ct));
        if (result.Succeeded)
        {
            return Redirect(VersionPath(moduleId, number));
        }

        return Refusal(result) ?? await LoadAsync(moduleId, number, ct) ?? Page();
    }

    private Task<IActionResult?> LoadAsync(int moduleId, int number, CancellationToken ct) => LoadVersionAsync(moduleId, number, ct);
}
