using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>Adds a question of any type to a draft's bank, or changes one (by its ID), following <see cref="QuestionRules"/>.</summary>
public sealed class SaveQuestion(AppDbContext db)
{
    /// <param name="existingKey">The question to change, or null to add one.</param>
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, string? existingKey, QuestionInput input, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number,
            q => q.Include(v => v.Outcomes).Include(v => v.Questions), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var existing = existingKey is null ? null : draft.Questions.FirstOrDefault(q => q.Key == existingKey);
        if (existingKey is not null && existing is null)
        {
            return AuthoringResult.NotFound;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var checkedQuestion = QuestionRules.Check(input, draft.Outcomes.Select(o => o.Code).ToList(),
            key => draft.Questions.Any(q => q != existing && string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase)), errors);
        if (checkedQuestion is null)
        {
            return AuthoringResult.Invalid(errors);
        }

        var question = existing ?? new Question
        {
            Key = checkedQuestion.Key, OutcomeCode = checkedQuestion.OutcomeCode, Text = "", Feedback = "",
            Position = draft.Questions.Count == 0 ? 1 : draft.Questions.Max(q => q.Position) + 1,
        };
        question.Key = checkedQuestion.Key;
        question.OutcomeCode = checkedQuestion.OutcomeCode;
        question.Type = checkedQuestion.Type;
        question.Text = checkedQuestion.Text;
        question.Feedback = checkedQuestion.Feedback;
        // Only what the type uses is kept, so a question changed from one type to another carries nothing stale.
        question.Options = checkedQuestion.Options;
        question.TrueFalseAnswer = checkedQuestion.TrueFalseAnswer;
        question.NumericAnswer = checkedQuestion.NumericAnswer;
        question.Tolerance = checkedQuestion.Tolerance;
        question.Unit = checkedQuestion.Unit;
        question.Items = checkedQuestion.Items;
        if (existing is null)
        {
            draft.Questions.Add(question);
        }

        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
