namespace CareReady.Core.Learning;

/// <summary>
/// One version of a module: its lessons, learning outcomes, question bank, what it confers and the
/// assessment's rules. Only a draft may change; a published version is frozen and a new version is a
/// new row, so a completion can always name exactly what the person passed.
/// </summary>
public sealed class ModuleVersion
{
    public const int DefaultPassMark = 80;
    public const int DefaultAttemptLimit = 3;
    public const int DefaultQuestionsPerOutcome = 2;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ModuleId { get; set; }
    public Module? Module { get; set; }
    public int Number { get; set; }
    public ModuleStatus Status { get; set; }

    public required string Title { get; set; }
    public required string Summary { get; set; }
    public int EstimatedMinutes { get; set; }
    public int PassMarkPercent { get; set; } = DefaultPassMark;
    public int AttemptLimit { get; set; } = DefaultAttemptLimit;
    public int QuestionsPerOutcome { get; set; } = DefaultQuestionsPerOutcome;

    /// <summary>Who a learner should contact when their attempts are used up.</summary>
    public string? Contact { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? RetiredAt { get; set; }

    /// <summary>The reviewer's note when a version is sent back to draft.</summary>
    public string? ReviewNote { get; set; }

    public List<ModuleLesson> Lessons { get; set; } = [];
    public List<LearningOutcome> Outcomes { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
    public List<ModuleConferral> Confers { get; set; } = [];
    public List<ModuleMedia> Media { get; set; } = [];
    public List<GuidelineCitation> Guidelines { get; set; } = [];

    public bool IsEditable => Status == ModuleStatus.Draft;
}
