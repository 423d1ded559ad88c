namespace CareReady.Core.Assessments;

/// <summary>
/// One question as drawn into an attempt: where it sat, the order its options or items were shown in
/// (indices into the question's own lists), the learner's response and whether it was right.
/// </summary>
public sealed class AttemptItem
{
    public long Id { get; set; }
    public long AttemptId { get; set; }
    public int Position { get; set; }
    public int QuestionId { get; set; }

    /// <summary>Shown order of options (choice) or items (ordering), as indices into the question's list.</summary>
    public List<int> Presented { get; set; } = [];

    /// <summary>The response as given: chosen option indices, "true"/"false", a number, or item indices in the learner's order.</summary>
    public string? Response { get; set; }

    public bool? Correct { get; set; }
}
