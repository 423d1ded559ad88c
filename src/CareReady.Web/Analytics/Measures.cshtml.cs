using CareReady.Core.Analytics;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Web.Import;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Analytics;

/// <summary>The organisation's performance measures, and (for compliance leads and admins) the values import.</summary>
[Authorize(Policy = Policies.AnalyticsReaders)]
[RequestSizeLimit(ImportEndpoints.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportEndpoints.MaxFileBytes)]
public sealed class MeasuresModel(CurrentUser current, AppDbContext db, ImportMeasureValues import) : PageModel
{
    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];
    public MeasureImportResult? Result { get; private set; }
    public string? FileError { get; private set; }
    public bool CanImport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!(scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin)))
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

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanImport = scope.IsInRole(Roles.ComplianceLead) || scope.IsInRole(Roles.Admin);
        var counts = await db.MeasureValues.Where(v => v.OrganisationId == scope.OrganisationId).GroupBy(v => v.MeasureId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Measures = (await db.PerformanceMeasures.AsNoTracking().Where(m => m.OrganisationId == scope.OrganisationId).OrderBy(m => m.Name).ToListAsync(ct))
            .Select(m => MeasureView.From(m, counts.GetValueOrDefault(m.Id))).ToList();
    }
}
