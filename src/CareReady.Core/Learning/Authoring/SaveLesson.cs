using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record LessonInput(string? Title, string? Markdown);

/// <summary>Adds a lesson at the end of a draft, or changes one (by position). Images need alt text and must be among the version's media.</summary>
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
            if (MediaProblem(markdown, media) is string problem)
            {
                errors[nameof(input.Markdown)] = problem;
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

    private static string? MediaProblem(string markdown, IReadOnlyCollection<string> media)
    {
        foreach (var (url, isImage, alt, line) in LessonMarkdown.Links(markdown))
        {
            if (isImage && string.IsNullOrWhiteSpace(alt))
            {
                return $"Line {line}: the image {url} needs alt text, like ![What the picture shows]({url})";
            }

            if (url.StartsWith("media/", StringComparison.Ordinal) && !media.Contains(url))
            {
                return $"Line {line}: {url} is not one of this version's media files";
            }
        }

        return null;
    }
}
