using CareReady.Core.Cmi5;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Cmi5;

/// <summary>
/// A cmi5 course: its AUs, where the learner stands, and Launch (opens the AU with the cmi5 launch parameters) — or
/// Look around (Browse) before finishing a part and Review after, neither of which records anything.
/// </summary>
[Authorize]
public sealed class CourseModel(CurrentUser current, GetCmi5Course get, LaunchAu launch) : PageModel
{
    public Cmi5CourseView Course { get; private set; } = null!;
    public bool CanLaunch { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLaunchAsync(int id, int auId, string? mode, CancellationToken ct)
    {
        if (!Cmi5Endpoints.TryLaunchMode(mode, out var launchMode))
        {
            return BadRequest();
        }

        var scope = await current.GetScopeAsync(ct);
        if (scope.OwnStaffMemberId is not int person)
        {
            return Forbid();
        }

        var origin = Cmi5Endpoints.Origin(Request);
        var result = await launch.RunAsync(new Cmi5LaunchInput(scope.OrganisationId, person, id, auId, origin, $"{origin}/learning/cmi5/{id}", launchMode), ct);
        if (result.Url is { } url)
        {
            return Redirect(url);
        }

        if (result.Refusal is null || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Refusal = result.Refusal;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var course = await get.RunAsync(scope.OrganisationId, id, scope.OwnStaffMemberId, ct);
        if (course is null)
        {
            return false;
        }

        Course = course;
        CanLaunch = scope.OwnStaffMemberId is not null;
        return true;
    }

    public static string MoveOnText(MoveOn moveOn) => moveOn switch
    {
        MoveOn.Passed => "pass it",
        MoveOn.Completed => "complete it",
        MoveOn.CompletedAndPassed => "complete and pass it",
        MoveOn.CompletedOrPassed => "complete or pass it",
        _ => "open it (nothing else is needed)",
    };

    public static string StatusText(Cmi5AuView au) =>
        au.Waived ? "Waived" : au.Satisfied ? "Done" : au.Failed ? "Not passed yet" : au.Completed ? "Completed, not yet passed" : "Not started or not finished";
}
