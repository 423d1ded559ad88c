using CareReady.Core.Cmi5;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Web.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Cmi5;

/// <summary>Authors import a cmi5 course package; every problem is listed by file and line, and nothing is created until there are none.</summary>
[Authorize(Roles = "Educator,EducatorLead,ComplianceLead,Admin")]
[RequestSizeLimit(PackageEndpoints.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes)]
public sealed class ImportModel(CurrentUser current, AppDbContext db, ImportCmi5Course import) : ModulePackageUploadPageModel(current, db)
{
    [BindProperty] public string Confers { get; set; } = "";

    protected override string PackageKind => "course package";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (CheckUpload() is { } refused)
        {
            return refused;
        }

        await using var stream = Package!.OpenReadStream();
        var result = await import.RunAsync(scope.OrganisationId, stream, FileName!,
            new Cmi5ImportOptions(await Current.GetActorAsync(), ModuleId, CompetencyCodeList.Parse(Confers), Publish), ct);
        if (result.Imported)
        {
            return Redirect($"/learning/cmi5/{result.CourseId}");
        }

        Problems = result.Problems;
        return Page();
    }
}
