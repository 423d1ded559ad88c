using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Pathways;
using CareReady.Core.Pathways.Fsrs;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Pathways;

/// <summary>Role and development pathways: educators define them, managers assign them to their people or teams.</summary>
public sealed class ManageModel(CurrentUser current, ListRolePathways list, FitRefresherParameters fit, SetSafetyCriticalSubjects setSafety, AppDbContext db) : PageModel
{
    public IReadOnlyList<RolePathwayView> Pathways { get; private set; } = [];
    public bool CanDefine { get; private set; }
    public bool CanAssign { get; private set; }
    public string? Message { get; private set; }
    public PathwaySettings? Settings { get; private set; }
    public string? RetentionError { get; private set; }

    /// <summary>Every subject the organisation can choose from (code, name), and which are safety-critical now; null unless the caller may change them.</summary>
    public IReadOnlyList<(string Code, string Name, bool Chosen)>? SafetySubjects { get; private set; }
    public IReadOnlyList<string> SafetyErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? saved, string? assigned, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanDefine = AssignPathway.CanDefine(scope);
        CanAssign = scope.CanSeeTeams;
        if (!CanDefine && !CanAssign)
        {
            return Forbid();
        }

        Pathways = await list.RunAsync(scope.OrganisationId, activeOnly: !CanDefine, ct);
        if (scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin))
        {
            Settings = await fit.SettingsAsync(scope.OrganisationId, ct);
        }

        if (CanDefine)
        {
            var chosen = await SafetyCriticalSubjects.ForAsync(db, scope.OrganisationId, ct);
            SafetySubjects = [.. (await db.Subjects.AsNoTracking()
                    .Where(s => s.OrganisationId == null || s.OrganisationId == scope.OrganisationId)
                    .OrderBy(s => s.FrameworkCode).ThenBy(s => s.Code).Select(s => new { s.Code, s.Name }).ToListAsync(ct))
                .Select(s => (s.Code, s.Name, chosen.Contains(s.Code)))];
        }

        Message = saved is not null ? $"The pathway “{saved}” is saved."
            : assigned is not null ? assigned
            : null;
        return Page();
    }

    /// <summary>Compliance leads and admins: set the target retention.</summary>
    public async Task<IActionResult> OnPostRetentionAsync(string? targetRetention, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!scope.IsInRole(Roles.ComplianceLead) && !scope.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        var value = double.TryParse(targetRetention, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        if (await fit.SetTargetRetentionAsync(scope.OrganisationId, value, ct) is { } problem)
        {
            RetentionError = problem;
            await OnGetAsync(null, null, ct);
            return Page();
        }

        return Redirect("/pathways/manage?assigned=" + Uri.EscapeDataString($"Target retention is now {value.ToString(CultureInfo.InvariantCulture)}.") + "#refresher-settings");
    }

    /// <summary>Educators, compliance leads and admins: choose the safety-critical subjects.</summary>
    public async Task<IActionResult> OnPostSafetySubjectsAsync(string[]? subjectCodes, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!AssignPathway.CanDefine(scope))
        {
            return Forbid();
        }

        var result = await setSafety.RunAsync(scope.OrganisationId, subjectCodes ?? [], ct);
        if (!result.Saved)
        {
            SafetyErrors = [.. result.Problems.SelectMany(p => p.Value)];
            await OnGetAsync(null, null, ct);
            return Page();
        }

        var message = result.Codes.Count == 0
            ? "No subject is safety-critical now: nobody gets refresher questions."
            : $"Safety-critical subjects: {string.Join(", ", result.Codes)}{(result.IsDefault ? " (the default list)" : "")}.";
        return Redirect("/pathways/manage?assigned=" + Uri.EscapeDataString(message) + "#safety-subjects");
    }

    /// <summary>Compliance leads and admins: fit the organisation's FSRS weights from its review log.</summary>
    public async Task<IActionResult> OnPostFitAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!scope.IsInRole(Roles.ComplianceLead) && !scope.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        var result = await fit.RunAsync(scope.OrganisationId, ct);
        var message = result.Fitted
            ? string.Create(CultureInfo.InvariantCulture, $"Fitted on {result.Reviews:N0} reviews: log loss {result.LogLossBefore:0.000} → {result.LogLossAfter:0.000}.")
            : string.Create(CultureInfo.InvariantCulture, $"Only {result.Reviews:N0} reviews so far; fitting needs {FsrsParameterFitter.MinimumReviews:N0}. The default weights stay.");
        return Redirect("/pathways/manage?assigned=" + Uri.EscapeDataString(message) + "#refresher-settings");
    }
}
