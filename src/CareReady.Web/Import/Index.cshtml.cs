using CareReady.Core.Workforce.Import;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Import;

/// <summary>Upload an HR extract; see either what changed or every row/column problem (and that nothing changed).</summary>
[Authorize(Policy = Policies.Importers)]
[RequestSizeLimit(ImportEndpoints.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportEndpoints.MaxFileBytes)]
public sealed class IndexModel(CurrentUser current, ImportStaff import) : PageModel
{
    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    public StaffImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public string? FileError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CsvFile is null || CsvFile.Length == 0)
        {
            FileError = "Select a CSV file to import";
            return Page();
        }

        if (!CsvFile.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            FileError = "The selected file must be a CSV";
            return Page();
        }

        FileName = Path.GetFileName(CsvFile.FileName);
        var scope = await current.GetScopeAsync(ct);
        await using var stream = CsvFile.OpenReadStream();
        Result = await import.RunAsync(scope.OrganisationId, stream, ct);
        return Page();
    }
}
