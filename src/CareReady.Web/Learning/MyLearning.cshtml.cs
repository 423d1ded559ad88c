using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>"My learning": what is overdue, due soon, required, in progress and recommended — and what I have done.</summary>
[Authorize]
public sealed class MyLearningModel(CurrentUser current, GetMyLearning get) : PageModel
{
    public MyLearning? Learning { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Learning = await get.RunAsync(await current.GetScopeAsync(ct), ct);

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
