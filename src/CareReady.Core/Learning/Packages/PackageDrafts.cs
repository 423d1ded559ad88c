namespace CareReady.Core.Learning.Packages;

/// <summary>A value read from a package file, with the line it is on.</summary>
internal readonly record struct Located<T>(T Value, int Line);

/// <summary>module.yaml as read: values that were missing or wrong are null (and reported).</summary>
internal sealed record ManifestDraft(
    string? Code,
    string? Title,
    string? Summary,
    int? EstimatedMinutes,
    IReadOnlyList<Located<string>> Confers,
    IReadOnlyList<GuidelineCitation> Guidelines,
    IReadOnlyList<LessonDraft> Lessons,
    AssessmentDraft? Assessment);

internal sealed record LessonDraft(string Title, string File, int Line);

internal sealed record AssessmentDraft(int PassMark, int AttemptLimit, int QuestionsPerOutcome, string? Contact, IReadOnlyList<OutcomeDraft> Outcomes);

internal sealed record OutcomeDraft(string Code, string Text, int Line);

/// <summary>One question as read from questions.yaml, with the lines the cross-file checks point at.</summary>
internal sealed record QuestionDraft(Question Question, int Line, int OutcomeLine);
