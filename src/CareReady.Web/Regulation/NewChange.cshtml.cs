using CareReady.Core.Regulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Regulation;

/// <summary>Enter a change by hand: which registry source, which version it replaces (its current one by default), the new version and what changed.</summary>
public sealed class NewChangeModel(CurrentUser current, ListRegistry list, ProposeChange propose) : RegulationPageModel(current)
{
    [BindProperty] public string SourceName { get; set; } = "";
    [BindProperty] public string? FromVersion { get; set; }
    [BindProperty] public string NewVersion { get; set; } = "";
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public ChangeSeverity Severity { get; set; } = ChangeSeverity.UpdateTraining;
    [BindProperty] public string? Link { get; set; }
    [BindProperty(Name = "EffectiveFrom-day")] public string? EffectiveDay { get; set; }
    [BindProperty(Name = "EffectiveFrom-month")] public string? EffectiveMonth { get; set; }
    [BindProperty(Name = "EffectiveFrom-year")] public string? EffectiveYear { get; set; }

    public IReadOnlyList<RegistrySource> Sources { get; private set; } = [];
    public DateInput Effective { get; } = new("EffectiveFrom", "In force from (optional)", "The day the new version takes effect. For example, 1 4 2026");

    public async Task<IActionResult> OnGetAsync(int? source, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (source is int id && Sources.FirstOrDefault(s => s.Id == id) is { } chosen)
        {
            SourceName = chosen.Name;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Effective.Day = EffectiveDay;
        Effective.Month = EffectiveMonth;
        Effective.Year = EffectiveYear;
        DateOnly? effective = null;
        if (!Effective.IsEmpty)
        {
            effective = Effective.Parse("");
        }

        string? link = null;
        if (!string.IsNullOrWhiteSpace(Link))
        {
            if (FeedFetcher.Check(Link, out var uri) is not null)
            {
                Errors[nameof(Link)] = "Enter a web address starting with https:// or http://, or leave it empty";
            }
            else
            {
                link = uri!.ToString();
            }
        }

        if (!Enum.IsDefined(Severity))
        {
            Errors[nameof(Severity)] = "Choose how much the change asks of people";
        }

        if (Effective.Error is not null)
        {
            Errors[Effective.FirstWrongId] = Effective.Error;
        }

        if (Errors.Count > 0)
        {
            // Nothing is saved until the dates and the link read; the use case checks the rest.
            return Page();
        }

        var input = new ChangeInput(SourceName, string.IsNullOrWhiteSpace(FromVersion) ? null : FromVersion, NewVersion, Title, Summary, Severity, effective, link);
        var result = await propose.RunAsync(await ScopeAsync(ct), input, await Current.GetActorAsync(), ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result is { Succeeded: true, Id: int id })
        {
            return Redirect(ChangePath(id) + "?done=proposed");
        }

        // In page order, for the error summary.
        foreach (var field in new[] { nameof(SourceName), nameof(FromVersion), nameof(NewVersion), nameof(Title), nameof(Summary), nameof(Severity) })
        {
            if (result.Errors.TryGetValue(field, out var message))
            {
                Errors[field] = message;
            }
        }

        foreach (var (field, message) in result.Errors.Where(e => !Errors.ContainsKey(e.Key)))
        {
            Errors[field] = message;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await list.RunAsync(await ScopeAsync(ct), ct) is not { } registry)
        {
            return false;
        }

        Sources = registry.Sources;
        return true;
    }

    /// <summary>The current version of each source, for the "replaces" hint.</summary>
    public static string? CurrentLabel(RegistrySource source) =>
        source.Versions.FirstOrDefault(v => v.Status == GuidelineVersionStatus.Current)?.Label;
}
