using System.Collections.Concurrent;
using System.Globalization;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Mastery;

/// <summary>
/// The mastery model of one organisation, learned by replaying every item-level answer in time order
/// (assessment answers and refresher answers), per person × subject: item difficulty from everyone, each person's estimate
/// from their own answers. Built on first use and kept for <see cref="Lifetime"/>; a new answer
/// in this process drops it so the next read sees it. Register as a singleton.
/// </summary>
public sealed class OrganisationMastery(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<int, (DateTimeOffset Built, MasteryModel Model)> _models = new();

    public static string PersonKey(int staffMemberId) => staffMemberId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mastery is kept per subject ("Fire Safety"): every level of a subject rests on the same knowledge.</summary>
    public static string SubjectKey(int subjectId) => subjectId.ToString(CultureInfo.InvariantCulture);

    public static string ItemKey(int moduleId, string questionKey) => moduleId.ToString(CultureInfo.InvariantCulture) + ":" + questionKey;

    public void Invalidate(int organisationId) => _models.TryRemove(organisationId, out _);

    /// <summary>The model for the organisation (read-only: do not record answers into it).</summary>
    public async Task<MasteryModel> GetAsync(AppDbContext db, int organisationId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_models.TryGetValue(organisationId, out var cached) && now - cached.Built < Lifetime)
        {
            return cached.Model;
        }

        var model = await BuildAsync(db, organisationId, ct);
        _models[organisationId] = (now, model);
        return model;
    }

    private static async Task<MasteryModel> BuildAsync(AppDbContext db, int organisationId, CancellationToken ct)
    {
        var competencyOf = (await db.ModuleConferrals.AsNoTracking()
                .Join(db.ModuleVersions.Where(v => v.OrganisationId == organisationId), c => c.ModuleVersionId, v => v.Id, (c, v) => new { c.ModuleVersionId, c.CompetencyId })
                .Join(db.Competencies, c => c.CompetencyId, k => k.Id, (c, k) => new { c.ModuleVersionId, k.SubjectId })
                .ToListAsync(ct))
            .GroupBy(c => c.ModuleVersionId).ToDictionary(g => g.Key, g => g.Min(c => c.SubjectId));

        var assessed = await db.AttemptItems.AsNoTracking()
            .Join(db.AssessmentAttempts.Where(a => a.OrganisationId == organisationId && a.SubmittedAt != null), i => i.AttemptId, a => a.Id,
                (i, a) => new { i.QuestionId, i.Correct, a.StaffMemberId, At = a.SubmittedAt!.Value })
            .Join(db.Questions, x => x.QuestionId, q => q.Id, (x, q) => new { x.StaffMemberId, x.At, x.Correct, q.Key, q.ModuleVersionId })
            .Join(db.ModuleVersions, x => x.ModuleVersionId, v => v.Id, (x, v) => new { x.StaffMemberId, x.At, x.Correct, x.Key, x.ModuleVersionId, v.ModuleId })
            .ToListAsync(ct);
        var refreshed = await db.RefresherReviews.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.Source == Refreshers.ReviewSource.Refresher)
            .Join(db.RefresherCards, r => r.CardId, c => c.Id, (r, c) => new { r.StaffMemberId, At = r.ReviewedAt, r.Correct, c.QuestionKey, c.ModuleId, c.CompetencyId })
            .Join(db.Competencies, r => r.CompetencyId, k => k.Id, (r, k) => new { r.StaffMemberId, r.At, r.Correct, r.QuestionKey, r.ModuleId, k.SubjectId })
            .ToListAsync(ct);

        var answers = assessed
            .Where(a => a.Correct is not null && competencyOf.ContainsKey(a.ModuleVersionId))
            .Select(a => (a.At, a.StaffMemberId, Competency: competencyOf[a.ModuleVersionId], Item: ItemKey(a.ModuleId, a.Key), Correct: a.Correct!.Value))
            .Concat(refreshed.Select(r => (r.At, r.StaffMemberId, Competency: r.SubjectId, Item: ItemKey(r.ModuleId, r.QuestionKey), r.Correct)))
            .OrderBy(a => a.At);
        var model = new MasteryModel();
        foreach (var a in answers)
        {
            model.Record(PersonKey(a.StaffMemberId), SubjectKey(a.Competency), a.Item, a.Correct);
        }

        return model;
    }
}
