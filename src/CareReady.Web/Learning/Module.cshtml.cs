using CareReady.Core.Assessments;
using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>A module's front page: what it covers, lessons, where I left off, and the assessment.</summary>
[Authorize]
public sealed class ModuleModel(CurrentUser current, GetModuleOverview overview, StartAttempt start, Core.Scorm.GetModuleScorm scorm, Core.Cmi5.GetCmi5Course cmi5) : PageModel
{
    /// <summary>An author previewing a version other than the published one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public ModuleOverview Module { get; private set; } = null!;

    /// <summary>The version's SCORM package, when it is one (played instead of lessons and an assessment).</summary>
    public Core.Scorm.ModuleScorm? Scorm { get; private set; }
    public string? Contact { get; private set; }
    public bool UsedUp { get; private set; }

    /// <summary>cmi5 courses attached to the module: launched from their own page.</summary>
    public IReadOnlyList<Core.Cmi5.Cmi5CourseLink> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var found = await overview.RunAsync(scope, id, Version, ct);
        if (found is null)
        {
            return NotFound();
        }

        Module = found;
        Scorm = await scorm.RunAsync(scope, found.VersionId, ct);
        Courses = await cmi5.ForModuleAsync(scope.OrganisationId, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (scope.OwnStaffMemberId is not int person)
        {
            return Forbid();
        }

        var result = await start.RunAsync(scope.OrganisationId, person, id, ct);
        switch (result.Outcome)
        {
            case StartAttemptOutcome.Started:
            case StartAttemptOutcome.Resumed:
                return Redirect($"/learning/attempts/{result.AttemptId}");
            case StartAttemptOutcome.AttemptsUsedUp:
                UsedUp = true;
                return await OnGetAsync(id, ct);
            default:
                return NotFound();
        }
    }
}
