namespace CareReady.Core.Learning;

/// <summary>Where a person is in a module version, so they can resume where they left off.</summary>
public sealed class LearningProgress
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public int ModuleVersionId { get; set; }

    /// <summary>The last lesson opened (1-based position).</summary>
    public int LastLesson { get; set; }

    /// <summary>The highest lesson reached.</summary>
    public int FurthestLesson { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
