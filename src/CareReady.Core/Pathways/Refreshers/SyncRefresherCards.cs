using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Fsrs;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>
/// Gives a person a refresher card for every question of the organisation's published modules in a
/// subject the organisation counts as safety-critical (<see cref="SafetyCriticalSubjects"/>) that they hold (have a completion in). A new card starts from the person's own
/// assessment answers to that question, if any (each answer a review: right = Good, wrong = Again),
/// otherwise it is due at once. Cards already there are left alone.
/// </summary>
public sealed class SyncRefresherCards(AppDbContext db, TimeProvider time, ListModules modules, PathwayReferenceCache reference)
{
    public async Task<int> RunAsync(int organisationId, int staffMemberId, CancellationToken ct = default)
    {
        var held = await db.Completions.AsNoTracking()
            .Where(c => c.StaffMemberId == staffMemberId && c.OrganisationId == organisationId)
            .Select(c => c.CompetencyId).Distinct().ToListAsync(ct);
        if (held.Count == 0)
        {
            return 0;
        }

        var existing = (await db.RefresherCards.AsNoTracking().Where(c => c.StaffMemberId == staffMemberId)
            .Select(c => new { c.ModuleId, c.QuestionKey }).ToListAsync(ct)).Select(c => (c.ModuleId, c.QuestionKey)).ToHashSet();
        return await RunAsync(organisationId, staffMemberId, await modules.RunAsync(organisationId, ct), held, existing, null, ct);
    }

    /// <summary>
    /// The same, from what the caller has already loaded: the published catalogue, the competencies the person holds, their cards' keys
    /// and (optionally) the organisation's safety-critical subject codes.
    /// </summary>
    public async Task<int> RunAsync(
        int organisationId, int staffMemberId, IReadOnlyList<ModuleSummary> catalogue, IReadOnlyCollection<int> heldCompetencyIds,
        IReadOnlySet<(int ModuleId, string QuestionKey)> existing, IReadOnlySet<string>? safetySubjects = null, CancellationToken ct = default)
    {
        var safety = safetySubjects ?? await SafetyCriticalSubjects.ForAsync(db, organisationId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var competencies = await reference.CompetenciesAsync(db, ct);
        var held = heldCompetencyIds.Where(competencies.ContainsKey).Select(id => competencies[id].SubjectId).ToHashSet();
        var versions = catalogue
            .Select(m => (VersionId: m.VersionId, m.ModuleId, CompetencyId: m.Confers
                .Where(c => competencies.TryGetValue(c.CompetencyId, out var k) && held.Contains(k.SubjectId) && safety.Covers(k))
                .Select(c => c.CompetencyId).DefaultIfEmpty(0).Min()))
            .Where(v => v.CompetencyId != 0)
            .ToList();
        if (versions.Count == 0)
        {
            return 0;
        }

        var keys = await reference.QuestionKeysAsync(db, versions.Select(v => v.VersionId).ToList(), ct);
        var missing = versions
            .SelectMany(v => keys[v.VersionId].Select(key => (v.ModuleId, Key: key, v.CompetencyId)))
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
