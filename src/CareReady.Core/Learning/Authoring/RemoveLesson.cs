using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>Removes a lesson from a draft; the lessons after it move up.</summary>
public sealed class RemoveLesson(AppDbContext db)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, int position, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number, q => q.Include(v => v.Lessons), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var lesson = draft.Lessons.FirstOrDefault(l => l.Position == position);
        if (lesson is null)
        {
            return AuthoringResult.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ModuleLessons.Remove(lesson);
        await LessonOrder.ApplyAsync(db, draft.Lessons.Where(l => l != lesson).OrderBy(l => l.Position).ToList(), ct);
        await transaction.CommitAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
