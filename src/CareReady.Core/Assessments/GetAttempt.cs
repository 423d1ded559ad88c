using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Assessments;

/// <summary>One item of an attempt as the learner sees it: the question, its options in the shown order, their answer and, once submitted, the marking.</summary>
public sealed record AttemptItemView(
    int Position, Question Question, IReadOnlyList<int> Presented, string? Response, bool? Correct, string? OutcomeText);

public sealed record AttemptView(
    long Id, int Number, int ModuleId, string ModuleCode, int ModuleVersionId, int VersionNumber, string Title,
    int PassMarkPercent, int AttemptLimit, string? Contact, DateTime StartedAt, DateTime? SubmittedAt, int? ScorePercent,
    bool Passed, IReadOnlyList<AttemptItemView> Items, IReadOnlyList<string> Confers)
{
    public bool IsOpen => SubmittedAt is null;
    public int CorrectCount => Items.Count(i => i.Correct == true);
}

/// <summary>Loads one of the learner's own attempts (another person's attempt is not found).</summary>
public sealed class GetAttempt(AppDbContext db)
{
    public async Task<AttemptView?> RunAsync(int staffMemberId, long attemptId, CancellationToken ct = default)
    {
        var attempt = await db.AssessmentAttempts.AsNoTracking().Include(a => a.Items)
            .FirstOrDefaultAsync(a => a.Id == attemptId && a.StaffMemberId == staffMemberId, ct);
        if (attempt is null)
        {
            return null;
        }

        var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).Include(v => v.Outcomes)
            .FirstAsync(v => v.Id == attempt.ModuleVersionId, ct);
        var questionIds = attempt.Items.Select(i => i.QuestionId).ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var confers = await db.ModuleConferrals.AsNoTracking().Where(c => c.ModuleVersionId == version.Id)
            .Join(db.Competencies, c => c.CompetencyId, c => c.Id, (_, c) => c.Subject!.Name + " — " + c.Name)
            .ToListAsync(ct);
        var outcomes = version.Outcomes.ToDictionary(o => o.Code, o => o.Text, StringComparer.Ordinal);

        var items = attempt.Items.OrderBy(i => i.Position).Select(i =>
        {
            var q = questions[i.QuestionId];
            return new AttemptItemView(i.Position, q, i.Presented, i.Response, i.Correct, outcomes.GetValueOrDefault(q.OutcomeCode));
        }).ToList();
        return new AttemptView(attempt.Id, attempt.Number, version.ModuleId, version.Module!.Code, version.Id, version.Number, version.Title,
            version.PassMarkPercent, version.AttemptLimit, version.Contact, attempt.StartedAt, attempt.SubmittedAt, attempt.ScorePercent,
            attempt.Passed, items, confers);
    }
}
