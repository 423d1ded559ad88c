namespace CareReady.Core.Assessments;

/// <summary>
/// One attempt by one person at a module version's assessment: the questions drawn for it (with the
/// order options were shown in), every answer given, and the result. Kept for ever — item-level
/// results feed mastery and analytics.
/// </summary>
public sealed class AssessmentAttempt
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public int ModuleVersionId { get; set; }

    /// <summary>1-based attempt number for this person and module version.</summary>
    public int Number { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>Whole percent of items answered correctly, once submitted.</summary>
    public int? ScorePercent { get; set; }

    public bool Passed { get; set; }

    public List<AttemptItem> Items { get; set; } = [];

    public bool IsOpen => SubmittedAt is null;
}
