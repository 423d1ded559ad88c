using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>Moves a lesson of a draft to another position (1-based); the others close up around it.</summary>
public sealed class MoveLesson(AppDbContext db)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, int position, int to, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number, q => q.Include(v => v.Lessons), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var ordered = draft.Lessons.OrderBy(l => l.Position).ToList();
        var lesson = ordered.FirstOrDefault(l => l.Position == position);
        if (lesson is null)
        {
            return AuthoringResult.NotFound;
        }

        if (to < 1 || to > ordered.Count)
        {
            return AuthoringResult.Invalid("To", $"Choose a position from 1 to {ordered.Count}");
        }

        ordered.Remove(lesson);
        ordered.Insert(to - 1, lesson);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LessonOrder.ApplyAsync(db, ordered, ct);
        await transaction.CommitAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
