using CareReady.Core.Compliance;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Assessments;

/// <summary>A response per item position, as sent by the form or the API.</summary>
public sealed record SubmitAttemptInput(long AttemptId, IReadOnlyDictionary<int, string?> Responses);

public sealed record SubmitAttemptResult(bool Found, IReadOnlyDictionary<int, string> Problems, bool Passed = false, int ScorePercent = 0)
{
    public bool Succeeded => Found && Problems.Count == 0;
}

/// <summary>
/// Marks an open attempt: every question must be answered (otherwise nothing is saved and each
/// unanswered or malformed item gets a message); every answer and whether it was right is stored; a
/// score at or above the pass mark records a <see cref="Completion"/> of each competency the module
/// confers — naming the exact module version — and issues the certificate, in the same transaction,
/// so compliance moves at once.
/// </summary>
public sealed class SubmitAttempt(AppDbContext db, TimeProvider time)
{
    public async Task<SubmitAttemptResult> RunAsync(int staffMemberId, SubmitAttemptInput input, string actor, CancellationToken ct = default)
    {
        var attempt = await db.AssessmentAttempts.Include(a => a.Items)
            .FirstOrDefaultAsync(a => a.Id == input.AttemptId && a.StaffMemberId == staffMemberId, ct);
        if (attempt is null || !attempt.IsOpen)
        {
            return new SubmitAttemptResult(attempt is not null, attempt is null
                ? new Dictionary<int, string>()
                : new Dictionary<int, string> { [0] = "This attempt has already been submitted" });
        }

        var questionIds = attempt.Items.Select(i => i.QuestionId).ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var problems = new Dictionary<int, string>();
        foreach (var item in attempt.Items)
        {
            var response = input.Responses.GetValueOrDefault(item.Position);
            if (QuestionScorer.Problem(questions[item.QuestionId], item.Presented, response) is string problem)
            {
                problems[item.Position] = problem;
            }
        }

        if (problems.Count > 0)
        {
            return new SubmitAttemptResult(true, problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var item in attempt.Items)
        {
            item.Response = input.Responses[item.Position]!.Trim();
            item.Correct = QuestionScorer.IsCorrect(questions[item.QuestionId], item.Response);
        }

        var score = attempt.Items.Count == 0 ? 0 : (int)Math.Floor(100m * attempt.Items.Count(i => i.Correct == true) / attempt.Items.Count);
        var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).Include(v => v.Confers)
            .FirstAsync(v => v.Id == attempt.ModuleVersionId, ct);
        attempt.SubmittedAt = now;
        attempt.ScorePercent = score;
        attempt.Passed = score >= version.PassMarkPercent;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (attempt.Passed)
        {
            var completions = Learning.ModuleCompletions.For(version, attempt.OrganisationId, staffMemberId, now, $"attempt {attempt.Id} ({score}%)", actor);

            db.Completions.AddRange(completions);
            await Learning.IssueCertificate.AddAsync(db, new Learning.CertificateFor(attempt.OrganisationId, staffMemberId, Learning.CertificateRoute.Assessment, attempt.Id, score),
                version, DateOnly.FromDateTime(now), now, ct);
            await db.SaveChangesAsync(ct);
            await Regulation.StaleContentCaps.AddAsync(db, version.Id, completions, now, ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new SubmitAttemptResult(true, problems, attempt.Passed, score);
    }
}
