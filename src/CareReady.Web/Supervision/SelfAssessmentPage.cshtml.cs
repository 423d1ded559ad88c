using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Supervision;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Supervision;

/// <summary>The learner rates each AI &amp; digital capability sub-domain on one page and asks a supervisor to confirm.</summary>
public sealed class SelfAssessmentPageModel(CurrentUser current, AppDbContext db, SaveSelfAssessment save, ListSelfAssessments list, ListSupervisors supervisors) : PageModel
{
    public sealed class Row
    {
        public string Code { get; set; } = "";
        public int? Rating { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public List<Row> Ratings { get; set; } = [];
    [BindProperty] public string? RequestFromUserId { get; set; }

    public IReadOnlyList<(string Code, string Name)> Subjects { get; private set; } = [];
    public IReadOnlyList<SelfAssessmentView> Mine { get; private set; } = [];
    public IReadOnlyList<SupervisorChoice> Supervisors { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Saved = saved;
        Ratings = Subjects.Select(s => Latest(s.Code) is { } v && v.Status != "Confirmed"
            ? new Row { Code = s.Code, Rating = v.Rating, Note = v.LearnerNote }
            : new Row { Code = s.Code }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Lines waiting for confirmation are shown read-only and not sent again.
        var editable = Ratings.Where(r => Latest(r.Code)?.Status != "Requested").ToList();
        var input = new SelfAssessmentInput(editable.Select(r => new SelfRating(r.Code, r.Rating, r.Note)).ToList(), action == "request", RequestFromUserId);
        var result = await save.RunAsync(await current.GetScopeAsync(ct), input, ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect("/me/self-assessment?saved=true");
        }

        foreach (var e in result.Errors)
        {
            // Map "Ratings[i]" of the sent lines back to the subject's row on the page.
            var key = e.Key;
            if (key.StartsWith(SaveSelfAssessment.RatingsField + "[", StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(8, key.Length - 9), out var i) && i < editable.Count)
            {
                key = "Rating-" + editable.Where(r => r.Rating is not null).ElementAtOrDefault(i)?.Code;
            }

            Errors[key] = e.Value;
        }

        return Page();
    }

    public SelfAssessmentView? Latest(string code) => Mine.FirstOrDefault(m => m.SubjectCode == code);

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? m : null;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (scope.OwnStaffMemberId is not int own)
        {
            return false;
        }

        Subjects = (await db.Subjects.AsNoTracking().Where(s => s.FrameworkCode == ReferenceCatalogue.AiFrameworkCode).ToListAsync(ct))
            .OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => (s.Code, s.Name)).ToList();
        Mine = await list.MineAsync(scope, ct);
        Supervisors = await supervisors.ForPersonAsync(scope.OrganisationId, own, ct);
        return true;
    }
}
