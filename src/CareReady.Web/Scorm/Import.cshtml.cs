using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Scorm;
using CareReady.Web.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Scorm;

/// <summary>Upload a SCORM zip and attach it to a new or existing module with what it confers; see the version it became or every problem.</summary>
[Authorize(Roles = "Educator,EducatorLead,ComplianceLead,Admin")]
[RequestSizeLimit(PackageEndpoints.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes)]
public sealed class ImportModel(CurrentUser current, AppDbContext db, ImportScormPackage import) : PageModel
{
    [BindProperty]
    public IFormFile? Package { get; set; }

    [BindProperty]
    public int? ModuleId { get; set; }

    [BindProperty]
    public string? Competencies { get; set; }

    [BindProperty]
    public int Minutes { get; set; } = 15;

    [BindProperty]
    public bool Publish { get; set; }

    public bool CanPublish { get; private set; }
    public IReadOnlyList<(int Id, string Label)> Modules { get; private set; } = [];
    public ScormImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public string? FileError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (Package is null || Package.Length == 0)
        {
            FileError = "Select a SCORM package (.zip) to import";
            return Page();
        }

        if (!Package.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            FileError = "The selected file must be a .zip SCORM package";
            return Page();
        }

        if (Publish && !CanPublish)
        {
            return Forbid();
        }

        FileName = Path.GetFileName(Package.FileName);
        var codes = (Competencies ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        await using var stream = Package.OpenReadStream();
        Result = await import.RunAsync(scope.OrganisationId, stream, FileName,
            new ScormImportOptions(await current.GetActorAsync(), ModuleId, codes, Publish, Minutes), ct);
        return Page();
    }

    private async Task<Core.Security.AccessScope> LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanPublish = PackageEndpoints.CanPublish(scope);
        Modules = await AttachableModules.ListAsync(db, scope.OrganisationId, ct);
        return scope;
    }
}
