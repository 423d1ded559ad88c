using CareReady.Core.Pathways.Fsrs;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>
/// One person's spaced-refresher card for one question of a safety-critical module: its FSRS memory
/// state and when it is next due. The card is keyed by module and question key, not by question row,
/// so a new version of the module keeps the person's memory of the same question.
/// </summary>
public sealed class RefresherCard
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public int ModuleId { get; set; }

    /// <summary>The question's key within its module ("FIRE-Q01"), stable across versions.</summary>
    public required string QuestionKey { get; set; }

    /// <summary>The competency the module confers (for mastery and the plan).</summary>
    public int CompetencyId { get; set; }

    /// <summary>FSRS stability in days; null until the first review.</summary>
    public double? Stability { get; set; }

    /// <summary>FSRS difficulty 1…10; null until the first review.</summary>
    public double? Difficulty { get; set; }

    public DateOnly Due { get; set; }
    public DateOnly? LastReview { get; set; }
    public int Reviews { get; set; }
    public int Lapses { get; set; }
    public DateTime CreatedAt { get; set; }

    public FsrsCard ToFsrs() => new(Id, Stability is double s && Difficulty is double d ? new FsrsMemoryState(s, d) : null, LastReview, Due, Reviews, Lapses);

    public void Apply(FsrsCard card)
    {
        Stability = card.State?.Stability;
        Difficulty = card.State?.Difficulty;
        Due = card.Due;
        LastReview = card.LastReview;
        Reviews = card.Reviews;
        Lapses = card.Lapses;
    }
}
