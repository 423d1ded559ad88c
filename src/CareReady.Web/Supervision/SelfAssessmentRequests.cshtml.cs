using CareReady.Core.Supervision;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Supervision;

/// <summary>Self-assessments people asked the caller to confirm: confirm, or return with a comment.</summary>
public sealed class SelfAssessmentRequestsModel(CurrentUser current, ListSelfAssessments list, ReviewSelfAssessment review) : PageModel
{
    public IReadOnlyList<SelfAssessmentView> Requests { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, string?> Comments { get; } = [];
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        Requests = await list.RequestsForAsync(await current.GetScopeAsync(ct), ct);
    }

    public async Task<IActionResult> OnPostAsync(int requestId, string? action, string? comment, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var confirm = action == "confirm";
        var outcome = await review.RunAsync(scope, requestId, confirm, comment, await current.GetActorAsync(), ct);
        switch (outcome)
        {
            case { Access: SupervisionCheck.NotFound }:
                return NotFound();
            case { Access: SupervisionCheck.Forbidden }:
                return Forbid();
            case { Result: { Succeeded: true } }:
                return Redirect("/self-assessment/requests?done=" + (confirm ? "confirmed" : "returned"));
        }

        foreach (var e in outcome.Result!.Errors)
        {
            Errors[$"Comment-{requestId}"] = e.Value;
        }

        Comments[requestId] = comment;
        Requests = await list.RequestsForAsync(scope, ct);
        return Page();
    }

    public string? Err(int id) => Errors.TryGetValue($"Comment-{id}", out var m) ? m : null;
}
