namespace CareReady.Core.Notifications;

/// <summary>What a notification is about; also decides which email preference applies.</summary>
public enum NoticeKind
{
    /// <summary>Something falls due soon (60/30/7 days before expiry or the new-starter due date).</summary>
    Reminder,

    /// <summary>Something the person needs is overdue.</summary>
    Overdue,

    /// <summary>To a line manager: someone in their team is overdue.</summary>
    Escalation,

    /// <summary>A regulatory or guideline change affects the person.</summary>
    Change,

    /// <summary>To a manager: the weekly summary of their team.</summary>
    Digest,

    /// <summary>To a person who asked for it: the weekly count of their refresher questions due, with a link to a session.</summary>
    Refreshers,
}

/// <summary>
/// An in-app notice for one person: a staff member (seen by the account linked to them) or an
/// account (managers, compliance leads). Notices are always kept, whatever the email preferences.
/// </summary>
public sealed class Notice
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int? StaffMemberId { get; set; }
    public string? UserId { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    public required string Body { get; set; }

    /// <summary>A path inside CareReady ("/learning"), or null.</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>Unique within the organisation: the same notice is never created twice (e.g. <c>reminder:42:7:2026-05-01:30</c>).</summary>
    public required string DedupKey { get; set; }

    public IReadOnlyList<string> Paragraphs => Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
}
