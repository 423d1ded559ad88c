using CareReady.Core.Data;

namespace CareReady.Core.Learning.Authoring;

/// <summary>
/// Writes lesson positions 1..n in the given order. Positions are unique within a version and the
/// database checks that row by row, so every lesson first moves out of the way (to a negative
/// position) and then into place; call it inside a transaction.
/// </summary>
internal static class LessonOrder
{
    public static async Task ApplyAsync(AppDbContext db, IReadOnlyList<ModuleLesson> inOrder, CancellationToken ct)
    {
        for (var i = 0; i < inOrder.Count; i++)
        {
            inOrder[i].Position = -(i + 1);
        }

        await db.SaveChangesAsync(ct);
        for (var i = 0; i < inOrder.Count; i++)
        {
            inOrder[i].Position = i + 1;
        }

        await db.SaveChangesAsync(ct);
    }
}
