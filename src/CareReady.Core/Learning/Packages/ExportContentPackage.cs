using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Packages;

/// <summary>A module version as a package file.</summary>
/// <param name="FileName">e.g. <c>FIRE-SAFETY-v3.zip</c>.</param>
public sealed record ContentExport(string ModuleCode, int VersionNumber, string FileName, byte[] Zip)
{
    public const string ContentType = "application/zip";
}

/// <summary>
/// Writes one of an organisation's module versions as a content package in exactly the format
/// <see cref="ImportContentPackage"/> reads (<see cref="PackageWriter"/>): importing the export gives
/// a version with the same content.
/// </summary>
public sealed class ExportContentPackage(AppDbContext db)
{
    /// <returns>The package, or null when the organisation has no such module version.</returns>
    public async Task<ContentExport?> RunAsync(int organisationId, int moduleId, int versionNumber, CancellationToken ct = default)
    {
        var version = await Versions(organisationId).FirstOrDefaultAsync(v => v.ModuleId == moduleId && v.Number == versionNumber, ct);
        return version is null ? null : await ExportAsync(version, ct);
    }

    /// <param name="versionNumber">The version; null for the latest (highest number).</param>
    /// <returns>The package, or null when the organisation has no such module or version.</returns>
    public async Task<ContentExport?> RunAsync(int organisationId, string moduleCode, int? versionNumber, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(moduleCode);
        var code = moduleCode.Trim().ToUpperInvariant();
        var versions = Versions(organisationId).Where(v => v.Module!.Code == code);
        var version = versionNumber is int number
            ? await versions.FirstOrDefaultAsync(v => v.Number == number, ct)
            : await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return version is null ? null : await ExportAsync(version, ct);
    }

    private IQueryable<ModuleVersion> Versions(int organisationId) =>
        db.ModuleVersions.AsNoTracking().AsSplitQuery()
            .Where(v => v.OrganisationId == organisationId)
            .Include(v => v.Module)
            .Include(v => v.Lessons)
            .Include(v => v.Outcomes)
            .Include(v => v.Questions)
            .Include(v => v.Confers)
            .Include(v => v.Media)
            .Include(v => v.Guidelines);

    private async Task<ContentExport> ExportAsync(ModuleVersion version, CancellationToken ct)
    {
        var ids = version.Confers.Select(c => c.CompetencyId).ToList();
        var codes = await db.Competencies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var code = version.Module!.Code;
        var files = PackageWriter.Files(code, version, codes);
        var zip = PackageWriter.Zip(files, new DateTimeOffset(DateTime.SpecifyKind(version.CreatedAt, DateTimeKind.Utc)));
        return new ContentExport(code, version.Number, $"{code}-v{version.Number}.zip", zip);
    }
}
