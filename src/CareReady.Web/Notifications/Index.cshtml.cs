using CareReady.Core.Notifications;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Notifications;

/// <summary>The signed-in person's notices: newest first, mark one or all as read.</summary>
public sealed class IndexModel(CurrentUser current, ListNotices list, MarkNoticesRead mark) : PageModel
{
    public NoticeList List { get; private set; } = new(0, []);

    public async Task OnGetAsync(int? page, CancellationToken ct) =>
        List = await list.RunAsync(await current.GetScopeAsync(ct), page: page ?? 1, cancellationToken: ct);

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct) =>
        await mark.OneAsync(await current.GetScopeAsync(ct), id, ct) ? Redirect("/notifications") : NotFound();

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await mark.AllAsync(await current.GetScopeAsync(ct), ct);
        return Redirect("/notifications");
    }

    public static string KindLabel(NoticeKind kind) => kind switch
    {
        NoticeKind.Reminder => "Reminder",
        NoticeKind.Overdue => "Overdue",
        NoticeKind.Escalation => "Your team",
        NoticeKind.Change => "Change notice",
        NoticeKind.Digest => "Weekly digest",
        NoticeKind.Refreshers => "Refreshers",
        _ => kind.ToString(),
    };
}
