namespace CareReady.Core.Learning;

/// <summary>
/// One question of a module version's bank, tagged with a learning outcome. What the learner sees
/// and what counts as right depends on <see cref="Type"/>: <see cref="Options"/> for single and
/// multiple choice, <see cref="TrueFalseAnswer"/>, <see cref="NumericAnswer"/> ± <see cref="Tolerance"/>,
/// or <see cref="Items"/> in the correct order for ordering.
/// </summary>
public sealed class Question
{
    public int Id { get; set; }
    public int ModuleVersionId { get; set; }
    public int Position { get; set; }

    /// <summary>Unique within the version, e.g. "FIRE-Q01"; kept across versions for analytics.</summary>
    public required string Key { get; set; }

    public required string OutcomeCode { get; set; }
    public QuestionType Type { get; set; }

    /// <summary>The question, in Markdown.</summary>
    public required string Text { get; set; }

    /// <summary>Shown after submission, right or wrong.</summary>
    public required string Feedback { get; set; }

    public List<QuestionOption> Options { get; set; } = [];
    public bool? TrueFalseAnswer { get; set; }
    public decimal? NumericAnswer { get; set; }
    public decimal? Tolerance { get; set; }
    public string? Unit { get; set; }
    public List<string> Items { get; set; } = [];
}

/// <summary>An option of a single- or multiple-choice question.</summary>
public sealed record QuestionOption(string Text, bool Correct);
