using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Notifications;

/// <summary>Saves the signed-in person's email choices; they apply to emails queued from then on.</summary>
public sealed class SaveNotificationPreferences(AppDbContext db, TimeProvider time)
{
    public async Task<NotificationPreferencesView> RunAsync(AccessScope scope, NotificationPreferencesView input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var p = await db.NotificationPreferences
            .FirstOrDefaultAsync(x => x.OrganisationId == scope.OrganisationId && x.UserId == scope.UserId, cancellationToken);
        if (p is null)
        {
            p = new NotificationPreference { OrganisationId = scope.OrganisationId, UserId = scope.UserId };
            db.NotificationPreferences.Add(p);
        }

        p.StaffMemberId = scope.OwnStaffMemberId;
        p.EmailReminders = input.EmailReminders;
        p.EmailEscalations = input.EmailEscalations;
        p.EmailChanges = input.EmailChanges;
        p.EmailDigest = input.EmailDigest;
        p.EmailRefreshers = input.EmailRefreshers;
        p.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return input;
    }
}
