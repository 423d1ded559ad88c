using System.Globalization;
using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Adds a lesson to a draft ("…/lessons/new") or edits one ("…/lessons/2"), in Markdown.</summary>
[Authorize]
public sealed class LessonEditModel(CurrentUser current, GetAuthoringVersion get, SaveLesson save) : AuthoringPageModel(current)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Markdown { get; set; }

    public AuthoringVersion Version { get; private set; } = null!;
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
        var scope = await ScopeAsync(ct);
        if (!Core.Learning.ModuleAccess.CanAuthor(scope))
        {
            return Denied();
        }

        var found = await get.RunAsync(scope, moduleId, number, await Current.GetActorAsync(), ct);
        if (found is null)
        {
            return NotFound();
        }

        Version = found;
        if (position != "new")
        {
            if (!int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || found.Version.Lessons.All(l => l.Position != p))
            {
                return NotFound();
            }

            Position = p;
        }

        return found.Version.IsEditable ? null : Redirect(VersionPath(moduleId, number));
    }
}
