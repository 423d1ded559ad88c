using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Notifications;

/// <summary>Which notices the person also wants by email. In-app notices are always kept.</summary>
/// <param name="EmailRefreshers">The weekly refresher digest: opt-in (false when left out).</param>
public sealed record NotificationPreferencesView(bool EmailReminders, bool EmailEscalations, bool EmailChanges, bool EmailDigest, bool EmailRefreshers = false);

/// <summary>The signed-in person's email choices (everything on until they change it, except the refresher digest, which is off until they ask for it).</summary>
public sealed class GetNotificationPreferences(AppDbContext db)
{
    public async Task<NotificationPreferencesView> RunAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = await db.NotificationPreferences.AsNoTracking()
            .FirstOrDefaultAsync(x => x.OrganisationId == scope.OrganisationId && x.UserId == scope.UserId, cancellationToken)
            ?? new NotificationPreference { UserId = scope.UserId };
        return new NotificationPreferencesView(p.EmailReminders, p.EmailEscalations, p.EmailChanges, p.EmailDigest, p.EmailRefreshers);
    }
}
