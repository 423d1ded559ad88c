using System.Globalization;
using CareReady.Core.Identity;
using CareReady.Core.Pathways.Fsrs;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Pathways;

/// <summary>Role and development pathways: educators define them, managers assign them to their people or teams.</summary>
public sealed class ManageModel(CurrentUser current, ListRolePathways list, FitRefresherParameters fit) : PageModel
{
    public IReadOnlyList<RolePathwayView> Pathways { get; private set; } = [];
    public bool CanDefine { get; private set; }
    public bool CanAssign { get; private set; }
    public string? Message { get; private set; }
    public PathwaySettings? Settings { get; private set; }
    public string? RetentionError { get; private set; }

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
