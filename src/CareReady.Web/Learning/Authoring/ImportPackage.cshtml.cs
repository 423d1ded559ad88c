using CareReady.Core.Data;
using CareReady.Core.Learning.Packages;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>Upload a content package; see the module version it became, or every problem in it (and that nothing was created).</summary>
[Authorize(Roles = "Educator,EducatorLead,ComplianceLead,Admin")]
[RequestSizeLimit(PackageEndpoints.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes)]
public sealed class ImportPackageModel(CurrentUser current, AppDbContext db, TimeProvider time) : PackageUploadPageModel(current)
{
    public ContentImportResult? Result { get; private set; }

    protected override string PackageKind => "content package";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (CheckUpload() is { } refused)
        {
            return refused;
        }

        await using var stream = Package!.OpenReadStream();
        Result = await new ImportContentPackage(db, time).RunAsync(scope.OrganisationId, stream, FileName!,
            new ContentImportOptions(await Current.GetActorAsync(), Publish), ct);
        Problems = Result.Problems;
        return Page();
    }
}
