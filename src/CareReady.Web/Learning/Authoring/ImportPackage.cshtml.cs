using CareReady.Core.Data;
using CareReady.Core.Learning.Packages;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Upload a content package; see the module version it became, or every problem in it (and that nothing was created).</summary>
[Authorize(Roles = "Educator,EducatorLead,ComplianceLead,Admin")]
[RequestSizeLimit(PackageEndpoints.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes)]
public sealed class ImportPackageModel(CurrentUser current, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public IFormFile? Package { get; set; }

    [BindProperty]
    public bool Publish { get; set; }

    public bool CanPublish { get; private set; }
    public ContentImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public string? FileError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => CanPublish = PackageEndpoints.CanPublish(await current.GetScopeAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanPublish = PackageEndpoints.CanPublish(scope);
        if (Package is null || Package.Length == 0)
        {
            FileError = "Select a package (.zip) to import";
            return Page();
        }

        if (!Package.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            FileError = "The selected file must be a .zip content package";
            return Page();
        }

        if (Publish && !CanPublish)
        {
            return Forbid();
        }

        FileName = Path.GetFileName(Package.FileName);
        await using var stream = Package.OpenReadStream();
        Result = await new ImportContentPackage(db, time).RunAsync(scope.OrganisationId, stream, FileName,
            new ContentImportOptions(await current.GetActorAsync(), Publish), ct);
        return Page();
    }
}
