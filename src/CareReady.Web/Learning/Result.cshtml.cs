using CareReady.Core.Assessments;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>The marked attempt: score, pass or not, and every question with the right answer and why.</summary>
[Authorize]
public sealed class ResultModel(CurrentUser current, GetAttempt get) : PageModel
{
    public AttemptView Attempt { get; private set; } = null!;
    public AttemptAllowance? Allowance { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, [FromServices] Core.Data.AppDbContext db, CancellationToken ct)
    {
        var user = await current.GetUserAsync();
        if (user.StaffMemberId is not int person || await get.RunAsync(person, id, ct) is not { } attempt)
        {
            return NotFound();
        }

        if (attempt.IsOpen)
        {
            return Redirect($"/learning/attempts/{id}");
        }

        Attempt = attempt;
        Allowance = await AttemptAllowance.ForAsync(db, person, attempt.ModuleId, attempt.AttemptLimit, ct);
        return Page();
    }
}
