using System.Globalization;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Supervision;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Supervision;

/// <summary>
/// A supervisor records an observed assessment for a person: first choose what was observed, then the
/// checklist (every criterion met or not), the date, comments and their name as signed; sign off or save.
/// </summary>
public sealed class RecordObservationModel(CurrentUser current, AppDbContext db, RecordObservedAssessment record, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Competency { get; set; }
    [BindProperty] public List<int> Met { get; set; } = [];
    [BindProperty] public string? ObservedOn { get; set; }
    [BindProperty] public string? Comments { get; set; }
    [BindProperty] public string SupervisorName { get; set; } = "";

    public int PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public IReadOnlyList<(string Code, string Name)> Observable { get; private set; } = [];
    public string? CompetencyName { get; private set; }
    public IReadOnlyList<string>? Checklist { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        ObservedOn ??= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var user = await current.GetUserAsync();
        SupervisorName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (Checklist is null)
        {
            return RedirectToPage(new { id });
        }

        if (!DateOnly.TryParseExact(ObservedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var observedOn))
        {
            Errors[nameof(ObservedOn)] = "Enter the date observed as YYYY-MM-DD";
            return Page();
        }

        var met = Checklist.Select((_, i) => Met.Contains(i)).ToList();
        var input = new ObservedAssessmentInput(Competency!, observedOn, met, Comments, SupervisorName, SignOff: action != "record");
        var outcome = await record.RunAsync(await current.GetScopeAsync(ct), id, null, input, await current.GetActorAsync(), ct);
        switch (outcome)
        {
            case { Access: SupervisionCheck.NotFound }:
                return NotFound();
            case { Access: SupervisionCheck.Forbidden }:
                return Forbid();
            case { Result: { Succeeded: true } }:
                return Redirect($"/people/{id}#observed-assessments");
        }

        foreach (var e in outcome.Result!.Errors)
        {
            Errors[e.Key] = e.Value;
        }

        return Page();
    }

    /// <summary>Checks the caller may supervise this person and loads the choices; an action result when not.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        switch (await SupervisionAccess.CheckAsync(db, scope, id, ct))
        {
            case SupervisionCheck.NotFound:
                return NotFound();
            case SupervisionCheck.Forbidden:
                return Forbid();
        }

        PersonId = id;
        PersonName = await db.Staff.Where(s => s.Id == id).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        var observable = await db.Competencies.AsNoTracking().Include(c => c.Subject)
            .Where(c => c.Kind == CompetencyKind.ObservedPractice).ToListAsync(ct);
        Observable = observable.Where(c => ObservationChecklists.ForCode(c.Code) is not null)
            .OrderBy(c => c.Subject!.Name, StringComparer.Ordinal).ThenBy(c => c.Level).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (c.Code, c.Subject!.Name + " — " + c.Name)).ToList();
        var chosen = Observable.FirstOrDefault(c => c.Code == Competency);
        if (chosen.Code is not null)
        {
            CompetencyName = chosen.Name;
            Checklist = ObservationChecklists.ForCode(chosen.Code);
        }

        return null;
    }

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? m : null;

    public string Group(string field) => Err(field) is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error";
}
