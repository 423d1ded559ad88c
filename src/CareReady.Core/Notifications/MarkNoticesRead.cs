using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Notifications;

/// <summary>Marks one of the person's own notices as read (false when it is not theirs or does not exist), or all of them.</summary>
public sealed class MarkNoticesRead(AppDbContext db, TimeProvider time)
{
    public async Task<bool> OneAsync(AccessScope scope, long noticeId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var notice = await ListNotices.Mine(db, scope).AsTracking().FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null)
        {
            return false;
        }

        notice.ReadAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int> AllAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var unread = await ListNotices.Mine(db, scope).AsTracking().Where(n => n.ReadAt == null).ToListAsync(cancellationToken);
        foreach (var n in unread)
        {
            n.ReadAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }
}
