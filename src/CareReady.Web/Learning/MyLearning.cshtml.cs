using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Regulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Learning;

/// <summary>"My learning": what is overdue, due soon, required, in progress and recommended — and what I have done.</summary>
[Authorize]
public sealed class MyLearningModel(CurrentUser current, GetMyLearning get, AppDbContext db) : PageModel
{
    private const string TakeUpdate = " Take the updated module.";

    public MyLearning? Learning { get; private set; }

    /// <summary>Titles of the applied changes that cap one of the person's certifications, to set the reason apart.</summary>
    public IReadOnlyList<string> ChangeTitles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Learning = await get.RunAsync(scope, ct);
        if (Learning is not null && scope.OwnStaffMemberId is int person)
        {
            ChangeTitles = await db.CertificationCaps.AsNoTracking()
                .Where(k => k.StaffMemberId == person && k.OrganisationId == scope.OrganisationId && k.RevokedAt == null)
                .Join(db.RegulatoryChanges.Where(c => c.Status == ChangeStatus.Applied), k => k.RegulatoryChangeId, c => c.Id, (k, c) => c.Title)
                .Distinct().ToListAsync(ct);
        }
    }

    /// <summary>
    /// Splits a reason that begins with a guideline change ("{title}: {what changed}. Take the updated module. Required by …")
    /// into the change's title, what it means for the person, and the rules; null when the item is not about a change.
    /// </summary>
    public (string Title, string Explanation, string Rules)? ChangeReason(LearningItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = ChangeTitles.Where(t => item.Why.StartsWith(t + ": ", StringComparison.Ordinal)).OrderByDescending(t => t.Length).FirstOrDefault();
        if (title is null)
        {
            return null;
        }

        var rest = item.Why[(title.Length + 2)..];
        var cut = rest.IndexOf(TakeUpdate, StringComparison.Ordinal);
        return cut < 0 ? (title, rest, "") : (title, rest[..(cut + TakeUpdate.Length)], rest[(cut + TakeUpdate.Length)..].Trim());
    }

    public static string SectionTitle(LearningSection section) => section switch
    {
        LearningSection.Overdue => "Overdue",
        LearningSection.DueSoon => "Due soon",
        LearningSection.Required => "Required",
        LearningSection.InProgress => "In progress",
        _ => "Recommended for you",
    };

    public static string ActionText(LearningItem item) =>
        item.OpenAttemptId is not null ? "Continue the assessment"
        : item.ResumeLesson is int n ? $"Resume at lesson {n}"
        : item.Section is LearningSection.DueSoon or LearningSection.Overdue && item.Module is not null ? "Start refresher"
        : "Start";

    public static string ActionHref(LearningItem item) =>
        item.OpenAttemptId is long a ? $"/learning/attempts/{a}"
        : item.ResumeLesson is int n ? $"/learning/versions/{item.Module!.VersionId}/lessons/{n}"
        : $"/learning/modules/{item.Module!.ModuleId}";
}
