using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Notifications;

/// <summary>Who a notification is for: a staff member (their work email) or an account (its email).</summary>
public sealed record NotificationRecipient(int? StaffMemberId, string? UserId)
{
    public static NotificationRecipient Staff(int staffMemberId) => new(staffMemberId, null);

    public static NotificationRecipient Account(string userId) => new(null, userId);
}

/// <summary>
/// One notification to queue: an in-app notice, and an email too when <paramref name="Email"/> is true,
/// email is configured and the person's preferences allow that <paramref name="Kind"/>.
/// </summary>
/// <param name="OrganisationId">The organisation the recipient belongs to.</param>
/// <param name="Recipient">The staff member or account.</param>
/// <param name="Kind">Reminder, Overdue, Escalation, Change or Digest.</param>
/// <param name="Title">The notice's title and the email's subject.</param>
/// <param name="Paragraphs">Plain-text paragraphs (no markup).</param>
/// <param name="Link">A path in CareReady ("/learning") or null.</param>
/// <param name="DedupKey">Unique within the organisation: a second request with the same key is skipped (e.g. <c>change:{changeId}:{staffId}</c>).</param>
/// <param name="LinkText">The email button's text (default "Open CareReady").</param>
/// <param name="Email">False: in-app notice only.</param>
public sealed record NotificationRequest(
    int OrganisationId,
    NotificationRecipient Recipient,
    NoticeKind Kind,
    string Title,
    IReadOnlyList<string> Paragraphs,
    string? Link,
    string DedupKey,
    string? LinkText = null,
    bool Email = true);

public sealed record EnqueueResult(int Notices, int Emails, int Skipped);

/// <summary>
/// The one way the rest of CareReady tells people something. Adds <see cref="Notice"/> and
/// <see cref="OutboxMessage"/> rows to the caller's <see cref="AppDbContext"/> — the caller's
/// SaveChanges commits them with whatever caused them, or neither. Anything whose dedup key already
/// exists (saved, or added earlier in the same unit of work) is skipped whole, so callers can re-run.
/// </summary>
public sealed class NotificationWriter(AppDbContext db, TimeProvider time, EmailOptions email)
{
    private const int Chunk = 500;

    public Task<EnqueueResult> EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken = default) =>
        EnqueueAsync([request], cancellationToken);

    public async Task<EnqueueResult> EnqueueAsync(IReadOnlyCollection<NotificationRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var (notices, emails, skipped) = (0, 0, 0);
        foreach (var organisation in requests.GroupBy(r => r.OrganisationId))
        {
            var result = await EnqueueForOrganisationAsync(organisation.Key, [.. organisation], cancellationToken);
            (notices, emails, skipped) = (notices + result.Notices, emails + result.Emails, skipped + result.Skipped);
        }

        return new EnqueueResult(notices, emails, skipped);
    }

    private async Task<EnqueueResult> EnqueueForOrganisationAsync(int organisationId, List<NotificationRequest> requests, CancellationToken ct)
    {
        foreach (var r in requests)
        {
            if (string.IsNullOrWhiteSpace(r.DedupKey) || string.IsNullOrWhiteSpace(r.Title) || (r.Recipient.StaffMemberId is null == r.Recipient.UserId is null))
            {
                throw new ArgumentException("A notification needs a title, a dedup key and exactly one recipient (a staff member or an account).", nameof(requests));
            }
        }

        var taken = await ExistingKeysAsync(organisationId, requests.Select(r => r.DedupKey).Distinct(StringComparer.Ordinal).ToList(), ct);
        var fresh = new List<NotificationRequest>();
        foreach (var r in requests)
        {
            if (taken.Add(r.DedupKey))
            {
                fresh.Add(r);
            }
        }

        if (fresh.Count == 0)
        {
            return new EnqueueResult(0, 0, requests.Count);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var staffIds = fresh.Where(r => r.Recipient.StaffMemberId is not null).Select(r => r.Recipient.StaffMemberId!.Value).Distinct().ToList();
        var userIds = fresh.Where(r => r.Recipient.UserId is not null).Select(r => r.Recipient.UserId!).Distinct(StringComparer.Ordinal).ToList();
        var staff = new Dictionary<int, string>();
        foreach (var chunk in staffIds.Chunk(Chunk))
        {
            foreach (var s in await db.Staff.AsNoTracking().Where(s => s.OrganisationId == organisationId && chunk.Contains(s.Id))
                         .Select(s => new { s.Id, s.WorkEmail }).ToListAsync(ct))
            {
                staff[s.Id] = s.WorkEmail;
            }
        }

        var accounts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(Chunk))
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId && chunk.Contains(u.Id))
                         .Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            {
                accounts[u.Id] = u.Email;
            }
        }

        var missing = staffIds.Where(id => !staff.ContainsKey(id)).Select(id => "staff member " + id)
            .Concat(userIds.Where(id => !accounts.ContainsKey(id)).Select(id => "account " + id)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Not in organisation {organisationId}: {string.Join(", ", missing.Take(5))}.", nameof(organisationId));
        }

        var sendEmail = email.Enabled && fresh.Any(r => r.Email);
        var byStaff = new Dictionary<int, NotificationPreference>();
        var byUser = new Dictionary<string, NotificationPreference>(StringComparer.Ordinal);
        string organisationName = "";
        if (sendEmail)
        {
            organisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstAsync(ct);
            var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync(ct);
            foreach (var p in preferences)
            {
                byUser[p.UserId] = p;
                if (p.StaffMemberId is int sid)
                {
                    byStaff[sid] = p;
                }
            }
        }

        var (notices, emails) = (0, 0);
        foreach (var r in fresh)
        {
            var body = string.Join("\n\n", r.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));
            db.Notices.Add(new Notice
            {
                OrganisationId = organisationId, StaffMemberId = r.Recipient.StaffMemberId, UserId = r.Recipient.UserId, Kind = r.Kind,
                Title = r.Title, Body = body, Link = r.Link, CreatedAt = now, DedupKey = r.DedupKey,
            });
            notices++;
            if (!sendEmail || !r.Email)
            {
                continue;
            }

            var (address, preference) = r.Recipient.StaffMemberId is int id
                ? (staff[id], byStaff.GetValueOrDefault(id))
                : (accounts[r.Recipient.UserId!], byUser.GetValueOrDefault(r.Recipient.UserId!));
            if (string.IsNullOrWhiteSpace(address) || preference?.Allows(r.Kind) == false)
            {
                continue;
            }

            var rendered = EmailTemplate.Render(organisationName, r.Title, r.Paragraphs, r.Link, r.LinkText, email.LinkBaseUrl);
            db.OutboxMessages.Add(new OutboxMessage
            {
                OrganisationId = organisationId, StaffMemberId = r.Recipient.StaffMemberId, UserId = r.Recipient.UserId, Kind = r.Kind,
                ToAddress = address, Subject = rendered.Subject, HtmlBody = rendered.Html, TextBody = rendered.Text, DedupKey = r.DedupKey,
                CreatedAt = now, NextAttemptAt = now,
            });
            emails++;
        }

        return new EnqueueResult(notices, emails, requests.Count - fresh.Count);
    }

    /// <summary>Keys already saved for the organisation, or added to this context and not yet saved.</summary>
    private async Task<HashSet<string>> ExistingKeysAsync(int organisationId, List<string> keys, CancellationToken ct)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries<Notice>().Where(e => e.Entity.OrganisationId == organisationId))
        {
            taken.Add(entry.Entity.DedupKey);
        }

        foreach (var chunk in keys.Chunk(Chunk))
        {
            taken.UnionWith(await db.Notices.AsNoTracking()
                .Where(n => n.OrganisationId == organisationId && chunk.Contains(n.DedupKey))
                .Select(n => n.DedupKey).ToListAsync(ct));
        }

        return taken;
    }
}
