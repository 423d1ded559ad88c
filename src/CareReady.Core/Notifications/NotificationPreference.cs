namespace CareReady.Core.Notifications;

/// <summary>
/// A person's email choices, one row per account (absent: every email on). In-app notices are always
/// kept; these only decide whether the same notice is also emailed.
/// </summary>
public sealed class NotificationPreference
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string UserId { get; set; }

    /// <summary>The account's staff record when it has one, so reminders to that person follow the same choices.</summary>
    public int? StaffMemberId { get; set; }

    /// <summary>Reminders before expiry and overdue notices.</summary>
    public bool EmailReminders { get; set; } = true;

    /// <summary>Escalations about overdue people in your team.</summary>
    public bool EmailEscalations { get; set; } = true;

    /// <summary>Regulatory and guideline change notices.</summary>
    public bool EmailChanges { get; set; } = true;

    /// <summary>The weekly team digest.</summary>
    public bool EmailDigest { get; set; } = true;

    /// <summary>The weekly refresher digest (refresher questions due this week). Off unless the person asks for it.</summary>
    public bool EmailRefreshers { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool Allows(NoticeKind kind) => kind switch
    {
        NoticeKind.Reminder or NoticeKind.Overdue => EmailReminders,
        NoticeKind.Escalation => EmailEscalations,
        NoticeKind.Change => EmailChanges,
        NoticeKind.Digest => EmailDigest,
        NoticeKind.Refreshers => EmailRefreshers,
        _ => true,
    };
}
