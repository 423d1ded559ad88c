using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Fsrs;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>
/// Gives a person a refresher card for every question of the organisation's published modules in a
/// safety-critical subject they hold (have a completion in). A new card starts from the person's own
/// assessment answers to that question, if any (each answer a review: right = Good, wrong = Again),
/// otherwise it is due at once. Cards already there are left alone.
/// </summary>
public sealed class SyncRefresherCards(AppDbContext db, TimeProvider time)
{
    public async Task<int> RunAsync(int organisationId, int staffMemberId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var held = await db.Completions.AsNoTracking()
            .Where(c => c.StaffMemberId == staffMemberId && c.OrganisationId == organisationId)
            .Join(db.Competencies, c => c.CompetencyId, k => k.Id, (c, k) => k.SubjectId)
            .Distinct().ToListAsync(ct);
        if (held.Count == 0)
        {
            return 0;
        }

        var versions = (await db.ModuleConferrals.AsNoTracking()
                .Join(db.ModuleVersions.Where(v => v.OrganisationId == organisationId && v.Status == ModuleStatus.Published),
                    c => c.ModuleVersionId, v => v.Id, (c, v) => new { v.Id, v.ModuleId, c.CompetencyId })
                .Join(db.Competencies, x => x.CompetencyId, k => k.Id, (x, k) => new { x.Id, x.ModuleId, x.CompetencyId, k.SubjectId, SubjectCode = k.Subject!.Code })
                .Where(x => held.Contains(x.SubjectId))
                .ToListAsync(ct))
            .Where(x => SafetyCriticalSubjects.Contains(x.SubjectCode))
            .GroupBy(x => x.Id)
            .Select(g => (VersionId: g.Key, g.First().ModuleId, CompetencyId: g.Min(x => x.CompetencyId)))
            .ToList();
        if (versions.Count == 0)
        {
            return 0;
        }

        var versionIds = versions.Select(v => v.VersionId).ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => versionIds.Contains(q.ModuleVersionId))
            .Select(q => new { q.ModuleVersionId, q.Key }).ToListAsync(ct);
        var existing = (await db.RefresherCards.AsNoTracking().Where(c => c.StaffMemberId == staffMemberId)
            .Select(c => new { c.ModuleId, c.QuestionKey }).ToListAsync(ct)).Select(c => (c.ModuleId, c.QuestionKey)).ToHashSet();
        var byVersion = versions.ToDictionary(v => v.VersionId);
        var missing = questions
            .Select(q => (byVersion[q.ModuleVersionId].ModuleId, q.Key, byVersion[q.ModuleVersionId].CompetencyId))
            .Where(q => !existing.Contains((q.ModuleId, q.Key)))
            .DistinctBy(q => (q.ModuleId, q.Key))
            .ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var modules = missing.Select(m => m.ModuleId).Distinct().ToList();
        var answers = (await db.AttemptItems.AsNoTracking()
                .Join(db.AssessmentAttempts.Where(a => a.StaffMemberId == staffMemberId && a.SubmittedAt != null), i => i.AttemptId, a => a.Id,
                    (i, a) => new { i.QuestionId, i.Response, i.Correct, At = a.SubmittedAt!.Value })
                .Join(db.Questions, x => x.QuestionId, q => q.Id, (x, q) => new { x.QuestionId, x.Response, x.Correct, x.At, q.Key, q.ModuleVersionId })
                .Join(db.ModuleVersions, x => x.ModuleVersionId, v => v.Id, (x, v) => new { x.QuestionId, x.Response, x.Correct, x.At, x.Key, v.ModuleId })
                .Where(x => modules.Contains(x.ModuleId) && x.Correct != null)
                .ToListAsync(ct))
            .ToLookup(x => (x.ModuleId, x.Key));

        var scheduler = new FsrsScheduler(await RefresherParameters.ForAsync(db, organisationId, ct));
        var cards = new List<(RefresherCard Card, List<RefresherReview> Log)>();
        foreach (var (moduleId, key, competencyId) in missing)
        {
            var card = new RefresherCard
            {
                OrganisationId = organisationId, StaffMemberId = staffMemberId, ModuleId = moduleId, QuestionKey = key,
                CompetencyId = competencyId, Due = today, CreatedAt = now,
            };
            var state = FsrsCard.New(0, today);
            var log = new List<RefresherReview>();
            foreach (var answer in answers[(moduleId, key)].OrderBy(a => a.At))
            {
                var day = DateOnly.FromDateTime(answer.At);
                if (day > today || (state.LastReview is { } last && day < last))
                {
                    continue;
                }

                var rating = answer.Correct == true ? FsrsRating.Good : FsrsRating.Again;
                var review = scheduler.Review(state, day, rating);
                state = review.Card;
                log.Add(new RefresherReview
                {
                    OrganisationId = organisationId, StaffMemberId = staffMemberId, QuestionId = answer.QuestionId, Source = ReviewSource.Assessment,
                    Response = answer.Response, Correct = answer.Correct == true, Sure = true, Rating = rating, ElapsedDays = review.ElapsedDays,
                    Retrievability = review.Retrievability, ScheduledDays = review.ScheduledDays, ReviewedAt = answer.At,
                });
            }

            card.Apply(state);
            cards.Add((card, log));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.RefresherCards.AddRange(cards.Select(c => c.Card));
            await db.SaveChangesAsync(ct);
            foreach (var (card, log) in cards)
            {
                log.ForEach(r => r.CardId = card.Id);
                db.RefresherReviews.AddRange(log);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created them first: theirs stand.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return 0;
        }

        return cards.Count;
    }
}
