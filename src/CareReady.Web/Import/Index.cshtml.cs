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
public sealed class IndexModel(CurrentUser current, ImportStaff import, ImportDepartments importDepartments) : PageModel
{
    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    public StaffImportResult? Result { get; private set; }
    public DepartmentImportResult? DepartmentResult { get; private set; }

    /// <summary>The errors of whichever import just ran (empty when it was applied).</summary>
    public IReadOnlyList<ImportError> Errors => Result?.Errors ?? DepartmentResult?.Errors ?? [];

    public bool Refused => Result is { Applied: false } || DepartmentResult is { Applied: false };
    public string? FileName { get; private set; }
    public string? FileError { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Staff and positions.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CheckFile() is { } stream)
        {
            await using (stream)
            {
                Result = await import.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, stream, ct);
            }
        }

        return Page();
    }

    /// <summary>Sites and the department tree.</summary>
    public async Task<IActionResult> OnPostDepartmentsAsync(CancellationToken ct)
    {
        if (CheckFile() is { } stream)
        {
            await using (stream)
            {
                DepartmentResult = await importDepartments.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, stream, ct);
            }
        }

        return Page();
    }

    private Stream? CheckFile()
    {
        if (CsvFile is null || CsvFile.Length == 0)
        {
            FileError = "Select a CSV file to import";
            return null;
        }

        if (!CsvFile.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            FileError = "The selected file must be a CSV";
            return null;
        }

        FileName = Path.GetFileName(CsvFile.FileName);
        return CsvFile.OpenReadStream();
    }
}
