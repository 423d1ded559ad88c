using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Notifications;

public sealed record NoticeView(long Id, NoticeKind Kind, string Title, IReadOnlyList<string> Paragraphs, string? Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record NoticeList(int Unread, IReadOnlyList<NoticeView> Items);

/// <summary>
/// The signed-in person's own notices: those addressed to their account or to their staff record, in
/// their organisation only. Nobody sees anyone else's notices, whatever their role.
/// </summary>
public sealed class ListNotices(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<NoticeList> RunAsync(AccessScope scope, bool unreadOnly = false, int page = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var mine = Mine(db, scope);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var rows = await mine.Where(n => !unreadOnly || n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new NoticeList(unread, [.. rows.Select(n => new NoticeView(n.Id, n.Kind, n.Title, n.Paragraphs, n.Link, n.CreatedAt, n.ReadAt))]);
    }

    public Task<int> CountUnreadAsync(AccessScope scope, CancellationToken cancellationToken = default) =>
        Mine(db, scope).CountAsync(n => n.ReadAt == null, cancellationToken);

    internal static IQueryable<Notice> Mine(AppDbContext db, AccessScope scope)
    {
        var own = scope.OwnStaffMemberId;
        return db.Notices.AsNoTracking().Where(n => n.OrganisationId == scope.OrganisationId
            && (n.UserId == scope.UserId || (own != null && n.StaffMemberId == own)));
    }
}
