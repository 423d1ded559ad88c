using CareReady.Core.Regulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Regulation;

/// <summary>
/// One change: its impact (content citing the old version, the people whose certification rests on it, counted
/// by department, staff group and competency; the list as CSV), then apply it, dismiss it or undo it.
/// </summary>
public sealed class ChangeModel(CurrentUser current, PreviewChange preview, ApplyChange apply, SendChangeNotices notices, DismissChange dismiss, UndoChange undo)
    : RegulationPageModel(current)
{
    [BindProperty] public ChangeAction? Action { get; set; }
    [BindProperty(Name = "Deadline-day")] public string? DeadlineDay { get; set; }
    [BindProperty(Name = "Deadline-month")] public string? DeadlineMonth { get; set; }
    [BindProperty(Name = "Deadline-year")] public string? DeadlineYear { get; set; }

    public ChangeImpact Impact { get; private set; } = null!;
    public ChangeSummary Change => Impact.Change;
    public DateInput Deadline { get; } = new("Deadline", "Deadline", "The day by which people must pass the updated module. For example, 1 6 2026");

    /// <summary>The action selected in the form: the one posted, else the one the severity suggests.</summary>
    public ChangeAction Selected => Action ?? Change.Severity switch
    {
        ChangeSeverity.Information => ChangeAction.FlagForReview,
        ChangeSeverity.Recertify => ChangeAction.ExpireNow,
        _ => ChangeAction.RequireUpdate,
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Everyone the change affects (or affected), one row per certification, as CSV.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        if (await preview.ListAsync(await ScopeAsync(ct), id, ct) is not { } rows || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        using var output = new MemoryStream();
        AffectedListCsvWriter.Write(rows, output);
        return File(output.ToArray(), "text/csv; charset=utf-8", AffectedListCsvWriter.FileName(id, Impact.Day));
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken ct)
    {
        Deadline.Day = DeadlineDay;
        Deadline.Month = DeadlineMonth;
        Deadline.Year = DeadlineYear;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Action is not ChangeAction action || !Enum.IsDefined(action))
        {
            Errors["Action"] = "Choose what applying the change does";
            return Page();
        }

        DateOnly? deadline = null;
        if (action == ChangeAction.RequireUpdate)
        {
            deadline = Deadline.Parse("Enter the date by which people must take the updated module");
            if (deadline is null)
            {
                Errors[Deadline.FirstWrongId] = Deadline.Error!;
                return Page();
            }
        }

        var scope = await ScopeAsync(ct);
        var result = await apply.RunAsync(scope, id, new ApplyInput(action, deadline), await Current.GetActorAsync(), ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            await notices.RunAsync(scope.OrganisationId, ct); // the affected people and their line managers are told now
            return Redirect(ChangePath(id) + "?done=applied");
        }

        await ShowErrorsAsync(id, result.Errors, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, CancellationToken ct) =>
        await CloseAsync(id, await dismiss.RunAsync(await ScopeAsync(ct), id, await Current.GetActorAsync(), ct), "dismissed", ct);

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken ct) =>
        await CloseAsync(id, await undo.RunAsync(await ScopeAsync(ct), id, await Current.GetActorAsync(), ct), "undone", ct);

    private async Task<IActionResult> CloseAsync(int id, Core.Requirements.SaveResult? result, string done, CancellationToken ct)
    {
        if (result is null || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect(ChangePath(id) + "?done=" + done);
        }

        await ShowErrorsAsync(id, result.Errors, ct);
        return Page();
    }

    private async Task ShowErrorsAsync(int id, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        // The change may have moved on (applied elsewhere): show it as it is now, with why the action was refused.
        await LoadAsync(id, ct);
        foreach (var (field, message) in errors)
        {
            if (field == "Deadline")
            {
                Deadline.Fail(message);
                Errors[Deadline.FirstWrongId] = message;
            }
            else
            {
                Errors[field == "Action" ? "Action" : "actions"] = message;
            }
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await preview.RunAsync(await ScopeAsync(ct), id, ct) is not { } impact)
        {
            return false;
        }

        Impact = impact;
        return true;
    }

    /// <summary>"12 people (13 certifications)".</summary>
    public string Reach => People(Impact.People) + (Impact.Certifications == Impact.People ? "" : $" ({Count(Impact.Certifications, "certification", "certifications")})");
}
