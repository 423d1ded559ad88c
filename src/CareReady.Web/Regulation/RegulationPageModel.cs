using System.Globalization;
using CareReady.Core.Regulation;
using CareReady.Core.Security;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Regulation;

/// <summary>
/// Shared by the regulation pages: compliance leads and admins only — anyone else signed in gets a real 403 with the
/// "no access" page (as the authoring pages do), and every use case checks <see cref="RegulationAccess.CanManage"/> again —
/// field errors for the error summary, and the success banner shown after a redirect (post/redirect/get).
/// </summary>
[Authorize]
public abstract class RegulationPageModel(CurrentUser current) : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!RegulationAccess.CanManage(await current.GetScopeAsync(context.HttpContext.RequestAborted)))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>What the last action did (from <c>?done=</c>), for the success banner.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    protected CurrentUser Current => current;

    protected Task<AccessScope> ScopeAsync(CancellationToken ct) => current.GetScopeAsync(ct);

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? m : null;

    public string Group(string field) => Err(field) is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error";

    public static string ChangePath(int id) => $"/regulation/changes/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string LongDate(DateTime time) => LongDate(DateOnly.FromDateTime(time));

    public static string People(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("en-GB")) + (n == 1 ? " person" : " people");

    public static string Count(int n, string one, string many) => n.ToString("N0", CultureInfo.GetCultureInfo("en-GB")) + " " + (n == 1 ? one : many);

    public static string SeverityText(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Information => "Information",
        ChangeSeverity.UpdateTraining => "Update training",
        _ => "Re-certify",
    };

    public static string SeverityTag(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Information => "nhsuk-tag--grey",
        ChangeSeverity.UpdateTraining => "nhsuk-tag--yellow",
        _ => "nhsuk-tag--red",
    };

    public static string StatusText(ChangeStatus status) => status switch
    {
        ChangeStatus.Proposed => "Proposed",
        ChangeStatus.Applied => "Applied",
        ChangeStatus.Undone => "Undone",
        _ => "Dismissed",
    };

    public static string StatusTag(ChangeStatus status) => status switch
    {
        ChangeStatus.Proposed => "nhsuk-tag--blue",
        ChangeStatus.Applied => "nhsuk-tag--green",
        ChangeStatus.Undone => "nhsuk-tag--orange",
        _ => "nhsuk-tag--grey",
    };

    public static string VersionStatusText(GuidelineVersionStatus status) => status switch
    {
        GuidelineVersionStatus.Current => "Current",
        GuidelineVersionStatus.Proposed => "Proposed",
        GuidelineVersionStatus.Superseded => "Superseded",
        _ => "Withdrawn",
    };

    public static string VersionStatusTag(GuidelineVersionStatus status) => status switch
    {
        GuidelineVersionStatus.Current => "nhsuk-tag--green",
        GuidelineVersionStatus.Proposed => "nhsuk-tag--blue",
        GuidelineVersionStatus.Superseded => "nhsuk-tag--grey",
        _ => "nhsuk-tag--white",
    };

    public static string ActionText(ChangeAction action) => action switch
    {
        ChangeAction.FlagForReview => "Content flagged for review",
        ChangeAction.RequireUpdate => "Updated module required by a deadline",
        _ => "Certification expired on the day",
    };
}
