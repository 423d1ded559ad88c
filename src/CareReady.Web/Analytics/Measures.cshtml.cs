using System.Globalization;
using CareReady.Core.Analytics;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using CareReady.Web.Import;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Analytics;

/// <summary>A training push as the measures page lists it.</summary>
public sealed record PushRow(string SubjectCode, string SubjectName, string UnitCode, string UnitName, DateOnly StartsOn, string Note);

/// <summary>A choice in one of the page's selects.</summary>
public sealed record Choice(string Code, string Label, string Group);

/// <summary>
/// The organisation's performance measures and training pushes; compliance leads and admins also define and
/// change measures, record pushes and import values. The forms go through the same use cases as the API.
/// </summary>
[Authorize(Policy = Policies.AnalyticsReaders)]
[RequestSizeLimit(ImportEndpoints.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportEndpoints.MaxFileBytes)]
public sealed class MeasuresModel(CurrentUser current, AppDbContext db, ImportMeasureValues import, SaveMeasure saveMeasure, RecordPush recordPush) : PageModel
{
    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    /// <summary>The code of the measure being changed (from the Change link; kept through a failed post).</summary>
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Definition { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? HigherIsBetter { get; set; }
    [BindProperty] public string? Period { get; set; }

    [BindProperty] public string? SubjectCode { get; set; }
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];
    public IReadOnlyList<PushRow> Pushes { get; private set; } = [];
    public IReadOnlyList<Choice> Subjects { get; private set; } = [];
    public IReadOnlyList<Choice> Units { get; private set; } = [];
    public MeasureImportResult? Result { get; private set; }
    public string? FileError { get; private set; }

    /// <summary>Problems with the measure or push form: field id → message, in form order.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>What the last successful post did, for the confirmation panel.</summary>
    public string? Done { get; private set; }

    public bool CanEdit { get; private set; }
    public bool Editing => !string.IsNullOrWhiteSpace(Edit);

    public async Task OnGetAsync(string? saved, bool recorded, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Editing)
        {
            var m = Measures.FirstOrDefault(x => string.Equals(x.Code, Edit!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (m is null || !CanEdit)
            {
                Edit = null;
            }
            else
            {
                (Edit, Code, Name, Definition, Unit, HigherIsBetter, Period) = (m.Code, m.Code, m.Name, m.Definition, m.Unit, m.HigherIsBetter ? "yes" : "no", m.Period.ToString());
            }
        }

        if (saved is not null && Measures.FirstOrDefault(x => x.Code == saved) is { } done)
        {
            Done = $"Measure {done.Code} ({done.Name}) saved.";
        }
        else if (recorded)
        {
            Done = "Training push recorded.";
        }
    }

    /// <summary>Imports measure values from CSV (all or nothing).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!MayEdit(scope))
        {
            return Forbid();
        }

        if (CsvFile is null || CsvFile.Length == 0 || !CsvFile.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            FileError = "Select a CSV file to import";
        }
        else
        {
            await using var stream = CsvFile.OpenReadStream();
            Result = await import.RunAsync(scope.OrganisationId, stream, ct);
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Defines a measure, or changes the one with the same code.</summary>
    public async Task<IActionResult> OnPostMeasureAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!MayEdit(scope))
        {
            return Forbid();
        }

        var code = Editing ? Edit : Code;
        var result = await saveMeasure.RunAsync(scope.OrganisationId,
            new MeasureInput(code, Name, Definition, Unit, string.Equals(HigherIsBetter, "yes", StringComparison.Ordinal), Period), ct);
        if (result.Measure is { } saved)
        {
            return RedirectToPage(new { saved = saved.Code });
        }

        Code = code;
        Errors = FieldErrors(result.Errors, ["code", "name", "definition", "unit", "period"], key => key == "period" ? "Select " : "Enter ", null);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Records a training push for a unit in a subject.</summary>
    public async Task<IActionResult> OnPostPushAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!MayEdit(scope))
        {
            return Forbid();
        }

        DateOnly? starts = DateOnly.TryParseExact(StartsOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var result = await recordPush.RunAsync(AnalyticsScope.For(scope), new PushInput(SubjectCode, UnitCode, starts, Note), ct);
        if (result.Push is not null)
        {
            return RedirectToPage(new { recorded = true });
        }

        var plain = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subjectCode"] = "Select a training subject",
            ["unitCode"] = "Select a department",
            ["startsOn"] = "Enter the day the push started as a date, for example 2026-03-02",
        };
        Errors = FieldErrors(result.Errors, ["subjectCode", "unitCode", "startsOn", "note"], _ => "Enter ", plain);
        await LoadAsync(ct);
        return Page();
    }

    private static bool MayEdit(AccessScope scope) => scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin);

    /// <summary>The use case's errors (field → what was expected) as messages keyed by the form field's id, in form order.</summary>
    private static Dictionary<string, string> FieldErrors(IReadOnlyDictionary<string, string> errors, string[] order, Func<string, string> verb,
        Dictionary<string, string>? plain)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in order.Concat(errors.Keys.Except(order)))
        {
            if (errors.TryGetValue(key, out var expected))
            {
                var id = char.ToUpperInvariant(key[0]) + key[1..];
                result[id] = plain is not null && plain.TryGetValue(key, out var message) ? message : verb(key) + expected;
            }
        }

        return result;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var analytics = AnalyticsScope.For(scope);
        CanEdit = MayEdit(scope);
        var counts = await db.MeasureValues.Where(v => v.OrganisationId == scope.OrganisationId).GroupBy(v => v.MeasureId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Measures = (await db.PerformanceMeasures.AsNoTracking().Where(m => m.OrganisationId == scope.OrganisationId).OrderBy(m => m.Name).ToListAsync(ct))
            .Select(m => MeasureView.From(m, counts.GetValueOrDefault(m.Id))).ToList();

        var departments = (await analytics.DepartmentsAsync(db, null, ct)).ToDictionary(d => d.Id);
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null || s.OrganisationId == scope.OrganisationId)
            .Select(s => new { s.Id, s.Code, s.Name, s.FrameworkCode }).ToListAsync(ct);
        var subjectById = subjects.ToDictionary(s => s.Id);
        Pushes = (await db.TrainingPushes.AsNoTracking().Where(p => p.OrganisationId == scope.OrganisationId).ToListAsync(ct))
            .Where(p => departments.ContainsKey(p.DepartmentId) && subjectById.ContainsKey(p.SubjectId))
            .Select(p => new PushRow(subjectById[p.SubjectId].Code, subjectById[p.SubjectId].Name, departments[p.DepartmentId].Code, departments[p.DepartmentId].Name, p.StartsOn, p.Note))
            .OrderByDescending(p => p.StartsOn).ThenBy(p => p.UnitName, StringComparer.Ordinal).ThenBy(p => p.SubjectCode, StringComparer.Ordinal).ToList();
        if (CanEdit)
        {
            Subjects = subjects.OrderBy(s => s.FrameworkCode, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new Choice(s.Code, $"{s.Name} ({s.Code})", s.FrameworkCode)).ToList();
            Units = departments.Values.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new Choice(d.Code, $"{d.Name} ({d.Code})", "")).ToList();
        }
    }
}
