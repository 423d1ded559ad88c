using CareReady.Core.Learning.Authoring;
using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Authoring;
using CareReady.Core.Simulation.Scenarios;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

/// <summary>One scenario version for authors and reviewers: its state, the reviewer's note, submit, approve or return.</summary>
[Authorize]
public sealed class AuthoringVersionModel(CurrentUser current, ListScenarioVersions list, SubmitScenario submit, ReviewScenario review) : PageModel
{
    public ScenarioVersionSummary Version { get; private set; } = null!;
    public IReadOnlyList<ScenarioVersionSummary> Others { get; private set; } = [];
    public bool CanApprove { get; private set; }
    public string Actor { get; private set; } = "";
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<ScenarioError> FileErrors { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, int number, CancellationToken ct) =>
        await LoadAsync(code, number, ct) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(string code, int number, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        return Outcome(await submit.RunAsync(scope, code, number, await current.GetActorAsync(), ct), code, number, "submitted")
            ?? await LoadAsync(code, number, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(string code, int number, CancellationToken ct)
    {
        if (Decision is not ("approve" or "return"))
        {
            Errors["Decision"] = "Choose whether to approve and publish this version or return it to the author";
            return await LoadAsync(code, number, ct) ?? Page();
        }

        var scope = await current.GetScopeAsync(ct);
        var input = new ReviewInput(Decision == "approve", Note);
        return Outcome(await review.RunAsync(scope, code, number, input, await current.GetActorAsync(), ct), code, number, input.Approve ? "approved" : "returned")
            ?? await LoadAsync(code, number, ct) ?? Page();
    }

    private IActionResult? Outcome(ScenarioAuthoringResult result, string code, int number, string done)
    {
        switch (result.Outcome)
        {
            case AuthoringOutcome.Done:
                return Redirect(AuthoringModel.VersionPath(code, number) + "?done=" + done);
            case AuthoringOutcome.NotFound:
                return NotFound();
            case AuthoringOutcome.Invalid when result.Errors.Count == 1 && result.Errors[0].Path == "note":
                Errors["Note"] = result.Errors[0].Message;
                return null;
            case AuthoringOutcome.Invalid:
                FileErrors = result.Errors;
                return null;
            default:
                Errors["Version"] = result.Message ?? "This could not be done";
                return null;
        }
    }

    private async Task<IActionResult?> LoadAsync(string code, int number, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var versions = await list.RunAsync(scope, code, ct);
        if (versions is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        Others = versions.Where(v => v.Number != number).ToList();
        CanApprove = ScenarioAccess.CanApprove(scope);
        Actor = await current.GetActorAsync();
        return null;
    }
}
