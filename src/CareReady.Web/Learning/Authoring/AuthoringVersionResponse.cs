using CareReady.Core.Learning;
using CareReady.Core.Learning.Authoring;

namespace CareReady.Web.Learning.Authoring;

public sealed record AuthoringLessonResponse(int Position, string Title, string Markdown);

public sealed record AuthoringOutcomeResponse(string Code, string Text);

public sealed record AuthoringQuestionResponse(
    string Key, string OutcomeCode, QuestionType Type, string Text, string Feedback, IReadOnlyList<QuestionOption> Options,
    bool? Answer, decimal? NumericAnswer, decimal? Tolerance, string? Unit, IReadOnlyList<string> Items);

/// <summary>A version as the authoring API returns it.</summary>
public sealed record AuthoringVersionResponse(
    int ModuleId, string Code, int Number, ModuleStatus Status, string Title, string Summary, int EstimatedMinutes, int PassMarkPercent,
    int AttemptLimit, int QuestionsPerOutcome, string? Contact, string? ReviewNote, string CreatedBy, string? SubmittedBy, string? PublishedBy,
    DateTime? PublishedAt, DateTime? RetiredAt, IReadOnlyList<string> Competencies, IReadOnlyList<AuthoringLessonResponse> Lessons,
    IReadOnlyList<AuthoringOutcomeResponse> Outcomes, IReadOnlyList<AuthoringQuestionResponse> Questions, IReadOnlyList<string> Media,
    IReadOnlyDictionary<string, string> Problems)
{
    public static AuthoringVersionResponse From(AuthoringVersion a)
    {
        var v = a.Version;
        return new AuthoringVersionResponse(v.ModuleId, a.Code, v.Number, v.Status, v.Title, v.Summary, v.EstimatedMinutes, v.PassMarkPercent,
            v.AttemptLimit, v.QuestionsPerOutcome, v.Contact, v.ReviewNote, v.CreatedBy, v.SubmittedBy, v.PublishedBy, v.PublishedAt, v.RetiredAt,
            a.Confers.Select(c => c.Code).ToList(),
            v.Lessons.OrderBy(l => l.Position).Select(l => new AuthoringLessonResponse(l.Position, l.Title, l.Markdown)).ToList(),
            v.Outcomes.OrderBy(o => o.Position).Select(o => new AuthoringOutcomeResponse(o.Code, o.Text)).ToList(),
            v.Questions.OrderBy(q => q.Position).Select(q => new AuthoringQuestionResponse(q.Key, q.OutcomeCode, q.Type, q.Text, q.Feedback, q.Options,
                q.TrueFalseAnswer, q.NumericAnswer, q.Tolerance, q.Unit, q.Items)).ToList(),
            v.Media.OrderBy(m => m.Path, StringComparer.Ordinal).Select(m => m.Path).ToList(),
            a.Problems);
    }
}
