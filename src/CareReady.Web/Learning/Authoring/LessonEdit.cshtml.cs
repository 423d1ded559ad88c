using System.Globalization;
using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Adds a lesson to a draft ("…/lessons/new") or edits one ("…/lessons/2"), in Markdown.</summary>
[Authorize]
public sealed class LessonEditModel(CurrentUser current, GetAuthoringVersion get, SaveLesson save) : AuthoringVersionPageModel(current, get)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Markdown { get; set; }

    public int? Position { get; private set; }

    public async Task<IActionResult> OnGetAsync(int moduleId, int number, string position, CancellationToken ct)
    {
        if (await LoadAsync(moduleId, number, position, ct) is { } refusal)
        {
            return refusal;
        }

        var lesson = Version.Version.Lessons.FirstOrDefault(l => l.Position == Position);
        (Title, Markdown) = (lesson?.Title, lesson?.Markdown);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int moduleId, int number, string position, CancellationToken ct)
    {
        if (await LoadAsync(moduleId, number, position, ct) is { } refusal)
        {
            return refusal;
        }

        var result = await save.RunAsync(await ScopeAsync(ct), moduleId, number, Position, new LessonInput(Title, Markdown), ct);
        return result.Succeeded ? Redirect(VersionPath(moduleId, number) + "#Lessons") : Refusal(result) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int moduleId, int number, string position, CancellationToken ct)
    {
        if (await LoadVersionAsync(moduleId, number, ct) is { } refusal)
        {
            return refusal;
        }

        if (position != "new")
        {
            if (!int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || Version.Version.Lessons.All(l => l.Position != p))
            {
                return NotFound();
            }

            Position = p;
        }

        return UnlessEditable(moduleId, number);
    }
}
