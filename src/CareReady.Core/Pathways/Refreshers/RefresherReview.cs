using CareReady.Core.Pathways.Fsrs;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>Where a review came from: a refresher session, or an assessment answer that seeded the card.</summary>
public enum ReviewSource
{
    Refresher = 0,
    Assessment = 1,
}

/// <summary>
/// One answer to a refresher question, kept for ever: the review log that per-organisation FSRS
/// fitting and the mastery model learn from.
/// </summary>
public sealed class RefresherReview
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public long CardId { get; set; }

    /// <summary>The question row shown (a specific module version).</summary>
    public int QuestionId { get; set; }

    public ReviewSource Source { get; set; }
    public string? Response { get; set; }
    public bool Correct { get; set; }

    /// <summary>True when the learner said they were sure of the answer.</summary>
    public bool Sure { get; set; }

    public FsrsRating Rating { get; set; }

    /// <summary>Days since the previous review of the card (0 for the first).</summary>
    public int ElapsedDays { get; set; }

    /// <summary>FSRS's predicted recall just before the answer (null for a first review).</summary>
    public double? Retrievability { get; set; }

    public int ScheduledDays { get; set; }
    public DateTime ReviewedAt { get; set; }
}
