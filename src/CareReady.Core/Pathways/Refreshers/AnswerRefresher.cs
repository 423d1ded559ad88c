using CareReady.Core.Assessments;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Fsrs;
using CareReady.Core.Pathways.Mastery;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <param name="Sure">The learner's confidence: a right answer they were sure of is Good, a right guess is Hard; a wrong answer is Again.</param>
public sealed record RefresherAnswer(long CardId, int QuestionId, string? Response, bool Sure = true);

public enum RefresherAnswerOutcome
{
    Recorded,
    NotFound,
    Invalid,
}

/// <summary>The marking of one refresher answer and when the card comes back.</summary>
public sealed record RefresherAnswerResult(
    RefresherAnswerOutcome Outcome, string? Problem = null, Question? Question = null, string? Response = null, bool Correct = false,
    FsrsRating Rating = FsrsRating.Again, DateOnly? NextDue = null, int IntervalDays = 0, DateOnly? PreviousDue = null);

/// <summary>
/// Marks a refresher answer, moves the card's FSRS memory state, schedules it at the organisation's
/// target retention and records the review in the log (from which parameters are later fitted).
/// Only the card's owner may answer it; another person's card is not found.
/// </summary>
public sealed class AnswerRefresher(AppDbContext db, TimeProvider time, OrganisationMastery mastery)
{
    public async Task<RefresherAnswerResult> RunAsync(AccessScope scope, RefresherAnswer answer, CancellationToken ct = default)
    {
        if (scope.OwnStaffMemberId is not int person)
        {
            return new RefresherAnswerResult(RefresherAnswerOutcome.NotFound);
        }

        var card = await db.RefresherCards.FirstOrDefaultAsync(c => c.Id == answer.CardId && c.StaffMemberId == person && c.OrganisationId == scope.OrganisationId, ct);
        if (card is null)
        {
            return new RefresherAnswerResult(RefresherAnswerOutcome.NotFound);
        }

        var question = await db.Questions.AsNoTracking()
            .Join(db.ModuleVersions.Where(v => v.ModuleId == card.ModuleId && v.OrganisationId == scope.OrganisationId && v.Status == ModuleStatus.Published),
                q => q.ModuleVersionId, v => v.Id, (q, v) => q)
            .FirstOrDefaultAsync(q => q.Id == answer.QuestionId && q.Key == card.QuestionKey, ct);
        if (question is null)
        {
            return new RefresherAnswerResult(RefresherAnswerOutcome.NotFound);
        }

        var count = question.Type == QuestionType.Ordering ? question.Items.Count : question.Options.Count;
        if (QuestionScorer.Problem(question, [.. Enumerable.Range(0, count)], answer.Response) is { } problem)
        {
            return new RefresherAnswerResult(RefresherAnswerOutcome.Invalid, problem, question, answer.Response);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var correct = QuestionScorer.IsCorrect(question, answer.Response!);
        var rating = !correct ? FsrsRating.Again : answer.Sure ? FsrsRating.Good : FsrsRating.Hard;
        var scheduler = new FsrsScheduler(await RefresherParameters.ForAsync(db, scope.OrganisationId, ct));
        var previousDue = card.Due;
        var review = scheduler.Review(card.ToFsrs(), card.LastReview is { } last && last > today ? last : today, rating);
        card.Apply(review.Card);
        db.RefresherReviews.Add(new RefresherReview
        {
            OrganisationId = scope.OrganisationId, StaffMemberId = person, CardId = card.Id, QuestionId = question.Id, Source = ReviewSource.Refresher,
            Response = answer.Response, Correct = correct, Sure = answer.Sure, Rating = rating, ElapsedDays = review.ElapsedDays,
            Retrievability = review.Retrievability, ScheduledDays = review.ScheduledDays, ReviewedAt = now,
        });
        await db.SaveChangesAsync(ct);
        mastery.Invalidate(scope.OrganisationId);
        return new RefresherAnswerResult(RefresherAnswerOutcome.Recorded, null, question, answer.Response, correct, rating, card.Due, review.ScheduledDays, previousDue);
    }
}
