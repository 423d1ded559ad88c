using CareReady.Core.Cmi5;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;
using CareReady.Web.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Cmi5;

/// <summary>Authors import a cmi5 course package; every problem is listed by file and line, and nothing is created until there are none.</summary>
[Authorize(Roles = "Educator,EducatorLead,ComplianceLead,Admin")]
[RequestSizeLimit(PackageEndpoints.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PackageEndpoints.MaxRequestBytes)]
public sealed class ImportModel(CurrentUser current, AppDbContext db, ImportCmi5Course import) : PageModel
{
    [BindProperty] public IFormFile? Package { get; set; }
    [BindProperty] public string Confers { get; set; } = "";
    [BindProperty] public int? ModuleId { get; set; }
    [BindProperty] public bool Publish { get; set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<PackageProblem> Problems { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Modules { get; private set; } = [];
    public bool CanPublish { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Package is not { Length: > 0 })
        {
            Errors[nameof(Package)] = "Choose the course package (a zip file)";
            return Page();
        }

        var scope = await current.GetScopeAsync(ct);
        await using var stream = Package.OpenReadStream();
        var codes = Confers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await import.RunAsync(scope.OrganisationId, stream, Path.GetFileName(Package.FileName),
            new Cmi5ImportOptions(await current.GetActorAsync(), ModuleId, codes, Publish && CanPublish), ct);
        if (result.Imported)
        {
            return Redirect($"/learning/cmi5/{result.CourseId}");
        }

        Problems = result.Problems;
        return Page();
    }

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? m : null;

    public string Group(string field) => Err(field) is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error";

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        CanPublish = PackageEndpoints.CanPublish(scope);
        Modules = await AttachableModules.ListAsync(db, scope.OrganisationId, ct);
    }
}
