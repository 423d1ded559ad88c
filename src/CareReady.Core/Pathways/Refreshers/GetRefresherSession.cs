using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Fsrs;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>A refresher question as shown: the card, the question of the module's published version, and the order options are shown in.</summary>
public sealed record RefresherQuestion(
    long CardId, int ModuleId, string ModuleTitle, int ModuleVersionId, Question Question, IReadOnlyList<int> Presented,
    DateOnly Due, int Reviews, double? Retrievability);

/// <summary>
/// Today's refresher session: how many answered today (of <see cref="RefresherParameters.SessionSize"/>),
/// how many cards are due now, the next question (null when the session is done or nothing is due),
/// and when the next card falls due after today's.
/// </summary>
public sealed record RefresherSession(DateOnly Today, int AnsweredToday, int SessionSize, int DueNow, RefresherQuestion? Next, DateOnly? NextDueAfterToday)
{
    public bool SessionDone => AnsweredToday >= SessionSize || Next is null;
}

/// <summary>
/// The signed-in learner's refresher session: their due cards, most at risk first (lowest predicted
/// recall; new cards after reviewed ones), one question at a time, up to a five-minute session a day.
/// </summary>
public sealed class GetRefresherSession(AppDbContext db, TimeProvider time, SyncRefresherCards sync, PathwayReferenceCache reference)
{
    public async Task<RefresherSession?> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (scope.OwnStaffMemberId is not int person)
        {
            return null;
        }

        await sync.RunAsync(scope.OrganisationId, person, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var startOfDay = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var answeredToday = await db.RefresherReviews.CountAsync(r => r.StaffMemberId == person && r.OrganisationId == scope.OrganisationId
            && r.Source == ReviewSource.Refresher && r.ReviewedAt >= startOfDay, ct);
        var safety = await SafetyCriticalCompetencyIdsAsync(db, reference, scope.OrganisationId, ct);
        var due = await db.RefresherCards.AsNoTracking()
            .Where(c => c.StaffMemberId == person && c.OrganisationId == scope.OrganisationId && c.Due <= today && safety.Contains(c.CompetencyId))
            .ToListAsync(ct);
        var nextLater = await db.RefresherCards
            .Where(c => c.StaffMemberId == person && c.OrganisationId == scope.OrganisationId && c.Due > today && safety.Contains(c.CompetencyId))
            .MinAsync(c => (DateOnly?)c.Due, ct);

        var scheduler = new FsrsScheduler(await RefresherParameters.ForAsync(db, scope.OrganisationId, ct));
        RefresherQuestion? next = null;
        if (answeredToday < RefresherParameters.SessionSize)
        {
            var ranked = due
                .Select(c => (Card: c, R: scheduler.Retrievability(c.ToFsrs(), today)))
                .OrderBy(x => x.R is null).ThenBy(x => x.R).ThenBy(x => x.Card.Due).ThenBy(x => x.Card.Id);
            foreach (var (card, r) in ranked)
            {
                next = await QuestionForAsync(card, r, ct);
                if (next is not null)
                {
                    break;
                }
            }
        }

        return new RefresherSession(today, answeredToday, RefresherParameters.SessionSize, due.Count, next, nextLater);
    }

    /// <summary>
    /// The competencies whose subject the organisation counts as safety-critical today: only their cards are offered
    /// (cards of a subject taken off the list rest, with their memory, until it comes back).
    /// </summary>
    internal static async Task<List<int>> SafetyCriticalCompetencyIdsAsync(AppDbContext db, PathwayReferenceCache reference, int organisationId, CancellationToken ct)
    {
        var subjects = await SafetyCriticalSubjects.ForAsync(db, organisationId, ct);
        return [.. (await reference.CompetenciesAsync(db, ct)).Values.Where(subjects.Covers).Select(c => c.Id).Order()];
    }

    /// <summary>The card's question in the module's published version (null when that version no longer has it).</summary>
    internal async Task<RefresherQuestion?> QuestionForAsync(RefresherCard card, double? retrievability, CancellationToken ct)
    {
        var version = await db.ModuleVersions.AsNoTracking()
            .Where(v => v.ModuleId == card.ModuleId && v.Status == ModuleStatus.Published)
            .Select(v => new { v.Id, v.Title }).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.ModuleVersionId == version.Id && q.Key == card.QuestionKey, ct);
        if (question is null)
        {
            return null;
        }

        var count = question.Type == QuestionType.Ordering ? question.Items.Count : question.Options.Count;
        var presented = Enumerable.Range(0, count).ToArray();
        if (question.Type is QuestionType.Single or QuestionType.Multiple or QuestionType.Ordering)
        {
            // A different, repeatable order each time the card comes round (an ordering question never starts in order).
            var random = new Random(Simulation.StableSeed.Of(card.Id, card.Reviews));
            do
            {
                random.Shuffle(presented);
            }
            while (question.Type == QuestionType.Ordering && count > 1 && presented.SequenceEqual(Enumerable.Range(0, count)));
        }

        return new RefresherQuestion(card.Id, card.ModuleId, version.Title, version.Id, question, presented, card.Due, card.Reviews, retrievability);
    }
}
