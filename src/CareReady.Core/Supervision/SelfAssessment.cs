namespace CareReady.Core.Supervision;

public enum SelfAssessmentStatus
{
    Draft = 0,
    Requested = 1,
    Confirmed = 2,
    Returned = 3,
}

/// <summary>
/// A learner rates themselves against a framework competency and asks a supervisor to confirm it.
/// For the AI &amp; digital capability framework the rating is the knowledge level (1–4) and
/// <see cref="CompetencyId"/> is that level's competency (e.g. AIDHT-D6.3-L2); for other frameworks it
/// is 1 not yet, 2 developing, 3 competent, 4 expert. Confirming records a completion.
/// </summary>
public sealed class SelfAssessment
{
    public const int MinRating = 1;
    public const int MaxRating = 4;

    /// <summary>The lowest rating on the general scale that a confirmation turns into a completion ("competent").</summary>
    public const int CompetentRating = 3;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public int SubjectId { get; set; }
    public int CompetencyId { get; set; }
    public int Rating { get; set; }
    public string? LearnerNote { get; set; }

    /// <summary>The supervisor (a user id) asked to confirm it.</summary>
    public string? RequestedFromUserId { get; set; }

    public SelfAssessmentStatus Status { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? RequestedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public long? CompletionId { get; set; }
    public Compliance.Completion? Completion { get; set; }

    public static string RatingLabel(bool aiFramework, int rating) => aiFramework
        ? "Level " + rating
        : rating switch { 1 => "Not yet", 2 => "Developing", 3 => "Competent", 4 => "Expert", _ => "" };
}
