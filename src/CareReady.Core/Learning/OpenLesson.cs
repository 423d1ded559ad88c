using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

public sealed record LessonPage(
    int ModuleId, int VersionId, int VersionNumber, ModuleStatus Status, string ModuleTitle, int Position, int LessonCount,
    string Title, string Html, string? PreviousTitle, string? NextTitle);

/// <summary>
/// Opens one lesson of a module version for reading (Markdown rendered to safe HTML) and, for a learner,
/// records it as where they are so "My learning" can offer to resume.
/// </summary>
public sealed class OpenLesson(AppDbContext db, TimeProvider time)
{
    public async Task<LessonPage?> RunAsync(AccessScope scope, int versionId, int position, CancellationToken ct = default)
    {
        var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Lessons)
            .FirstOrDefaultAsync(v => v.Id == versionId && v.OrganisationId == scope.OrganisationId, ct);
        if (version is null || !ModuleAccess.CanView(scope, version))
        {
            return null;
        }

        var lessons = version.Lessons.OrderBy(l => l.Position).ToList();
        var lesson = lessons.FirstOrDefault(l => l.Position == position);
        if (lesson is null)
        {
            return null;
        }

        if (scope.OwnStaffMemberId is int person && version.Status == ModuleStatus.Published)
        {
            await RecordAsync(scope.OrganisationId, person, version.Id, position, ct);
        }

        var index = lessons.IndexOf(lesson);
        return new LessonPage(version.ModuleId, version.Id, version.Number, version.Status, version.Title, position, lessons.Count, lesson.Title,
            LessonMarkdown.ToHtml(lesson.Markdown, $"/learning/versions/{version.Id}/"),
            index > 0 ? lessons[index - 1].Title : null,
            index < lessons.Count - 1 ? lessons[index + 1].Title : null);
    }

    private async Task RecordAsync(int organisationId, int person, int versionId, int position, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var progress = await db.LearningProgress.FirstOrDefaultAsync(p => p.StaffMemberId == person && p.ModuleVersionId == versionId, ct);
        if (progress is null)
        {
            progress = new LearningProgress { OrganisationId = organisationId, StaffMemberId = person, ModuleVersionId = versionId, StartedAt = now };
            db.LearningProgress.Add(progress);
        }

        progress.LastLesson = position;
        progress.FurthestLesson = Math.Max(progress.FurthestLesson, position);
        progress.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs opened the first lesson at once: the other request recorded it; nothing is lost.
            db.ChangeTracker.Clear();
        }
    }
}
