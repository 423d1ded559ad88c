using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Scorm;
using CareReady.Web.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Scorm;

/// <summary>Upload a SCORM zip and attach it to a new or existing module with what it confers; see the version it became or every problem.</summary>
[Authorize(Roles = "Educator,EducatorLead,ComplianceLead,Admin")]
[RequestSizeLimit(PackageEndpoints.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes)]
public sealed class ImportModel(CurrentUser current, AppDbContext db, ImportScormPackage import) : ModulePackageUploadPageModel(current, db)
{
    [BindProperty]
    public string? Competencies { get; set; }

    [BindProperty]
    public int Minutes { get; set; } = 15;

    public ScormImportResult? Result { get; private set; }

    protected override string PackageKind => "SCORM package";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (CheckUpload() is { } refused)
        {
            return refused;
        }

        await using var stream = Package!.OpenReadStream();
        Result = await import.RunAsync(scope.OrganisationId, stream, FileName!,
            new ScormImportOptions(await Current.GetActorAsync(), ModuleId, CompetencyCodeList.Parse(Competencies), Publish, Minutes), ct);
        Problems = Result.Problems;
        return Page();
    }
}
