using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record LessonInput(string? Title, string? Markdown);

/// <summary>Adds a lesson at the end of a draft, or changes one (by position). Lesson text is checked like a package lesson (LessonChecker): images need alt text and must be among the version's media.</summary>
public sealed class SaveLesson(AppDbContext db)
{
    /// <param name="position">The lesson to change, or null to add one.</param>
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, int? position, LessonInput input, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number, q => q.Include(v => v.Lessons), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var lesson = position is int p ? draft.Lessons.FirstOrDefault(l => l.Position == p) : null;
        if (position is not null && lesson is null)
        {
            return AuthoringResult.NotFound;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = AuthoringRules.Required(errors, nameof(input.Title), input.Title, AuthoringRules.MaxTitle, "Enter the lesson's title", "Title");
        var markdown = AuthoringRules.Required(errors, nameof(input.Markdown), input.Markdown?.ReplaceLineEndings("\n"), AuthoringRules.MaxMarkdown,
            "Enter the lesson's text", "The lesson");
        if (markdown is not null)
        {
            var media = await db.ModuleMedia.AsNoTracking().Where(m => m.ModuleVersionId == draft.Id).Select(m => m.Path).ToListAsync(ct);
            var problems = new List<Packages.PackageProblem>();
            Packages.LessonChecker.Check("Markdown", markdown, media.Contains, problems);
            if (problems.Count > 0)
            {
                errors[nameof(input.Markdown)] = string.Join("; ", problems.Select(x => $"Line {x.Line}: {x.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            return AuthoringResult.Invalid(errors);
        }

        if (lesson is null)
        {
            draft.Lessons.Add(new ModuleLesson { Position = draft.Lessons.Count == 0 ? 1 : draft.Lessons.Max(l => l.Position) + 1, Title = title!, Markdown = markdown! });
        }
        else
        {
            lesson.Title = title!;
            lesson.Markdown = markdown!;
        }

        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
