using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

[Authorize]
public sealed class LessonModel(CurrentUser current, OpenLesson open) : PageModel
{
    public LessonPage Lesson { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int versionId, int position, CancellationToken ct)
    {
        var lesson = await open.RunAsync(await current.GetScopeAsync(ct), versionId, position, ct);
        if (lesson is null)
        {
            return NotFound();
        }

        Lesson = lesson;
        return Page();
    }
}
