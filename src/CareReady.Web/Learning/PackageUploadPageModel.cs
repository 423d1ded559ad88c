using CareReady.Core.Data;
using CareReady.Core.Learning.Packages;
using CareReady.Core.Security;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>
/// What the three package import pages (content packages, SCORM packages, cmi5 courses) share: the uploaded
/// zip and the publish choice, who may publish, the checks before the importer runs (a file was chosen, it is a
/// .zip, publishing only for educator leads and compliance leads), and the file name and problems the page
/// shows (<c>_PackageUploadErrors</c>). Each page adds its own fields and runs its own importer.
/// </summary>
public abstract class PackageUploadPageModel(CurrentUser current) : PageModel
{
    [BindProperty] public IFormFile? Package { get; set; }
    [BindProperty] public bool Publish { get; set; }

    public bool CanPublish { get; private set; }

    /// <summary>The uploaded file's name (without any folder), once it passed the checks.</summary>
    public string? FileName { get; private set; }

    /// <summary>Why the upload itself was refused (no file, not a zip), for the error summary and the field.</summary>
    public string? FileError { get; private set; }

    /// <summary>What the importer found wrong; empty when it imported or has not run.</summary>
    public IReadOnlyList<PackageProblem> Problems { get; protected set; } = [];

    /// <summary>What the page calls the file in messages: "package", "SCORM package", "course package".</summary>
    protected abstract string PackageKind { get; }

    protected CurrentUser Current => current;

    public PackageUploadErrors UploadErrors => new(FileError, FileName, Problems);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Reads who is asking and what the page offers them; the base decides whether they may publish.</summary>
    protected virtual async Task<AccessScope> LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanPublish = PackageEndpoints.CanPublish(scope);
        return scope;
    }

    /// <summary>The checks before importing. Null when the upload may go to the importer; otherwise the response to give.</summary>
    protected IActionResult? CheckUpload()
    {
        if (Package is null || Package.Length == 0)
        {
            FileError = $"Select a {PackageKind} (.zip) to import";
            return Page();
        }

        if (!Package.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            FileError = $"The selected file must be a .zip {PackageKind}";
            return Page();
        }

        if (Publish && !CanPublish)
        {
            return Forbid();
        }

        FileName = Path.GetFileName(Package.FileName);
        return null;
    }
}

/// <summary>A package import page that can attach the package to one of the organisation's modules (SCORM, cmi5).</summary>
public abstract class ModulePackageUploadPageModel(CurrentUser current, AppDbContext db) : PackageUploadPageModel(current)
{
    [BindProperty] public int? ModuleId { get; set; }

    public IReadOnlyList<(int Id, string Label)> Modules { get; private set; } = [];

    protected override async Task<AccessScope> LoadAsync(CancellationToken ct)
    {
        var scope = await base.LoadAsync(ct);
        Modules = await AttachableModules.ListAsync(db, scope.OrganisationId, ct);
        return scope;
    }
}

/// <summary>What <c>_PackageUploadErrors</c> shows: the refused upload, or the importer's problems with the file's name.</summary>
public sealed record PackageUploadErrors(string? FileError, string? FileName, IReadOnlyList<PackageProblem> Problems);
