using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>
/// Starts the next version of a module as a draft: a full copy of the latest version (lessons,
/// outcomes, questions, conferrals, media, guideline citations). Refused while a draft or a version
/// in review exists, so there is only ever one version being worked on.
/// </summary>
public sealed class NewDraftVersion(AppDbContext db, TimeProvider time)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, string actor, CancellationToken ct = default)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return AuthoringResult.Forbidden();
        }

        var versions = await db.ModuleVersions.AsNoTracking()
            .Where(v => v.ModuleId == moduleId && v.OrganisationId == scope.OrganisationId)
            .Select(v => new { v.Id, v.Number, v.Status })
            .ToListAsync(ct);
        if (versions.Count == 0)
        {
            return AuthoringResult.NotFound;
        }

        if (versions.FirstOrDefault(v => v.Status is ModuleStatus.Draft or ModuleStatus.InReview) is { } open)
        {
            return AuthoringResult.Conflict(
                $"Version {open.Number} is {AuthoringVersions.Describe(open.Status)}; finish or send back that version before starting another");
        }

        var latestId = versions.MaxBy(v => v.Number)!.Id;
        var latest = await db.ModuleVersions.AsNoTracking().AsSplitQuery()
            .Include(v => v.Lessons).Include(v => v.Outcomes).Include(v => v.Questions)
            .Include(v => v.Confers).Include(v => v.Media).Include(v => v.Guidelines)
            .FirstAsync(v => v.Id == latestId, ct);
        var copy = Copy(latest, versions.Max(v => v.Number) + 1, actor, time.GetUtcNow().UtcDateTime);
        db.ModuleVersions.Add(copy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return AuthoringResult.Conflict("Someone else started a new version at the same moment; open the module again to see it");
        }

        return AuthoringResult.Done(moduleId, copy.Number);
    }

    /// <summary>A new draft with the same content as <paramref name="from"/>; nothing is shared with it.</summary>
    public static ModuleVersion Copy(ModuleVersion from, int number, string actor, DateTime now) => new()
    {
        OrganisationId = from.OrganisationId,
        ModuleId = from.ModuleId,
        Number = number,
        Status = ModuleStatus.Draft,
        Title = from.Title,
        Summary = from.Summary,
        EstimatedMinutes = from.EstimatedMinutes,
        PassMarkPercent = from.PassMarkPercent,
        AttemptLimit = from.AttemptLimit,
        QuestionsPerOutcome = from.QuestionsPerOutcome,
        Contact = from.Contact,
        CreatedBy = actor,
        CreatedAt = now,
        Lessons = from.Lessons.Select(l => new ModuleLesson { Position = l.Position, Title = l.Title, Markdown = l.Markdown }).ToList(),
        Outcomes = from.Outcomes.Select(o => new LearningOutcome { Position = o.Position, Code = o.Code, Text = o.Text }).ToList(),
        Questions = from.Questions.Select(q => new Question
        {
            Position = q.Position, Key = q.Key, OutcomeCode = q.OutcomeCode, Type = q.Type, Text = q.Text, Feedback = q.Feedback,
            Options = [.. q.Options], TrueFalseAnswer = q.TrueFalseAnswer, NumericAnswer = q.NumericAnswer, Tolerance = q.Tolerance,
            Unit = q.Unit, Items = [.. q.Items],
        }).ToList(),
        Confers = from.Confers.Select(c => new ModuleConferral { CompetencyId = c.CompetencyId }).ToList(),
        Media = from.Media.Select(m => new ModuleMedia { Path = m.Path, ContentType = m.ContentType, Content = [.. m.Content] }).ToList(),
        Guidelines = from.Guidelines.Select(g => new GuidelineCitation { Source = g.Source, Version = g.Version }).ToList(),
    };
}
