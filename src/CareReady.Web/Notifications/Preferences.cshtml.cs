using CareReady.Core.Notifications;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Notifications;

/// <summary>Email on or off per kind of notification, for the signed-in person.</summary>
public sealed class PreferencesModel(CurrentUser current, GetNotificationPreferences get, SaveNotificationPreferences save) : PageModel
{
    public NotificationPreferencesView Current { get; private set; } = new(true, true, true, true);
    public bool Saved { get; private set; }

    public IEnumerable<(string Name, string Label, string Hint, bool Value)> Options =>
    [
        ("EmailReminders", "Reminders and overdue training", "Before your training expires (60, 30 and 7 days) and when it is overdue.", Current.EmailReminders),
        ("EmailEscalations", "Overdue people in my team", "For managers: when someone you manage becomes overdue.", Current.EmailEscalations),
        ("EmailChanges", "Guideline and regulation changes", "When a change means you need to renew or complete training.", Current.EmailChanges),
        ("EmailDigest", "Weekly team digest", "For managers: your team's overdue and due-soon counts every week.", Current.EmailDigest),
        ("EmailRefreshers", "Weekly refresher digest", "Once a week, when refresher questions on safety-critical subjects are due for you: how many, with a link to a five-minute session. Off unless you choose it.", Current.EmailRefreshers),
    ];

    public async Task OnGetAsync(bool? saved, CancellationToken ct)
    {
        Saved = saved == true;
        Current = await get.RunAsync(await current.GetScopeAsync(ct), ct);
    }

    public async Task<IActionResult> OnPostAsync(bool emailReminders, bool emailEscalations, bool emailChanges, bool emailDigest, bool emailRefreshers, CancellationToken ct)
    {
        await save.RunAsync(await current.GetScopeAsync(ct), new NotificationPreferencesView(emailReminders, emailEscalations, emailChanges, emailDigest, emailRefreshers), ct);
        return Redirect("/notifications/preferences?saved=true");
    }
}
