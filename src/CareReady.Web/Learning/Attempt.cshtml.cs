using CareReady.Core.Assessments;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>Taking an assessment: every drawn question on one page, marked on submit.</summary>
[Authorize]
public sealed class AttemptModel(CurrentUser current, GetAttempt get, SubmitAttempt submit) : PageModel
{
    public AttemptView Attempt { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, string?> Responses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        return Attempt.IsOpen ? Page() : Redirect($"/learning/attempts/{id}/result");
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        Responses = AttemptForm.Read(Request.Form, Attempt);
        var result = await submit.RunAsync((await current.GetUserAsync()).StaffMemberId!.Value,
            new SubmitAttemptInput(id, Responses), await current.GetActorAsync(), ct);
        if (result.Succeeded || (result.Found && result.Problems.ContainsKey(0)))
        {
            return Redirect($"/learning/attempts/{id}/result");
        }

        foreach (var (position, message) in result.Problems.OrderBy(p => p.Key))
        {
            Errors[$"q{position}"] = $"Question {position}: {message}";
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var user = await current.GetUserAsync();
        if (user.StaffMemberId is not int person || await get.RunAsync(person, id, ct) is not { } attempt)
        {
            return NotFound();
        }

        Attempt = attempt;
        return null;
    }
}
