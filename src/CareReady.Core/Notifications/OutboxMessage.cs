namespace CareReady.Core.Notifications;

/// <summary>
/// An email waiting to be sent, written in the same transaction as whatever caused it and sent
/// later by the outbox sender (see docs/decisions/0009-email-outbox.md). Rows are kept after sending.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int? StaffMemberId { get; set; }
    public string? UserId { get; set; }
    public NoticeKind Kind { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    /// <summary>Unique within the organisation, so the same email is never queued twice.</summary>
    public required string DedupKey { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not sent before this moment (now when queued; later after a failed attempt).</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The last failure (exception type and SMTP status; never addresses or content).</summary>
    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>The sender run that holds this message (null when nobody does).</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>The claim lapses at this moment, so a sender that died does not hold a message for ever.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>
    /// The Message-ID header this row is always sent with: the same on every attempt, so a message
    /// sent again after a crash is recognisably the same message.
    /// </summary>
    public string MessageId(string domain) => $"careready-{OrganisationId}-{Id}@{domain}";
}
