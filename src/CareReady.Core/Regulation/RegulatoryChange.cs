namespace CareReady.Core.Regulation;

public enum ChangeStatus
{
    Proposed,
    Applied,
    Undone,
    Dismissed,
}

/// <summary>What applying a change does to the people whose certification rests on the old version.</summary>
public enum ChangeAction
{
    /// <summary>Only flags the content that cites the old version for review; no certification moves.</summary>
    FlagForReview,

    /// <summary>Certification on the old version ends at the deadline (or its own expiry, if sooner): take the updated module by then.</summary>
    RequireUpdate,

    /// <summary>Certification on the old version ends on the day the change is applied.</summary>
    ExpireNow,
}

public enum ChangeOrigin
{
    Entered,
    Feed,
}

/// <summary>
/// A proposed move of a guideline source from one version to a newer one, reviewed before anything
/// happens; applying it moves exactly the certifications that rest on the old version (see
/// <see cref="CertificationCap"/>) and flags the content that cites it. Undoable until someone acts on it.
/// </summary>
public sealed class RegulatoryChange
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int GuidelineSourceId { get; set; }
    public GuidelineSource? Source { get; set; }

    /// <summary>The version being replaced (content citing it is affected).</summary>
    public int FromVersionId { get; set; }
    public GuidelineVersion? FromVersion { get; set; }

    /// <summary>The new version (Proposed until the change is applied).</summary>
    public int ToVersionId { get; set; }
    public GuidelineVersion? ToVersion { get; set; }

    public required string Title { get; set; }
    public ChangeOrigin Origin { get; set; }

    /// <summary>For a feed import: the entry's id (so a re-import does not propose it twice) and link.</summary>
    public string? FeedEntryId { get; set; }
    public string? Link { get; set; }

    public ChangeStatus Status { get; set; }
    public ChangeAction? Action { get; set; }

    /// <summary>For <see cref="ChangeAction.RequireUpdate"/>: the day by which the updated module must be passed.</summary>
    public DateOnly? Deadline { get; set; }

    public required string ProposedBy { get; set; }
    public DateTime ProposedAt { get; set; }
    public string? AppliedBy { get; set; }
    public DateTime? AppliedAt { get; set; }

    /// <summary>How many certifications the apply moved, and a SHA-256 over their sorted list (staff:competency:completion:until), so the audit trail fixes exactly who.</summary>
    public int AffectedCount { get; set; }
    public string? AffectedDigest { get; set; }

    /// <summary>When every affected person and their line managers had their change notice queued (null: still to do).</summary>
    public DateTime? NotifiedAt { get; set; }

    public string? ClosedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
}
