using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Packages;

/// <param name="ImportedBy">Who imports (recorded as the version's CreatedBy, and PublishedBy when published).</param>
/// <param name="Publish">Publish the new version at once, retiring the one published before (the caller checks the right to).</param>
/// <param name="SkipExistingModule">Import nothing when the organisation already has a module with the package's code (seed content).</param>
public sealed record ContentImportOptions(string ImportedBy, bool Publish = false, bool SkipExistingModule = false);

/// <summary>The outcome of importing a package.</summary>
/// <param name="Imported">True when a version was created; false when the package was refused (see <paramref name="Problems"/>) or skipped.</param>
/// <param name="Skipped">The module already existed and <see cref="ContentImportOptions.SkipExistingModule"/> was asked for.</param>
public sealed record ContentImportResult(
    bool Imported,
    IReadOnlyList<PackageProblem> Problems,
    string? ModuleCode,
    int ModuleId,
    bool ModuleCreated,
    int VersionId,
    int VersionNumber,
    ModuleStatus Status,
    bool Skipped = false)
{
    public static ContentImportResult Refused(string? code, IReadOnlyList<PackageProblem> problems) =>
        new(false, problems, code, 0, false, 0, 0, ModuleStatus.Draft);
}

/// <summary>
/// Imports a content package (docs/content-packages.md) into one organisation. All or nothing: the
/// whole package is checked first (<see cref="PackageValidator"/>) and with any problem nothing is
/// written. A valid package becomes, in one transaction, the first version of a new module or the
/// next version (highest number + 1) of the organisation's module with the same code, as a draft —
/// or published, retiring the version published before it.
/// </summary>
public sealed class ImportContentPackage(AppDbContext db, TimeProvider time)
{
    public static readonly PackageProblem ConcurrentImport = PackageProblem.OfPackage(
        "another import of the same module ran at the same time; nothing was changed — import the package again");

    /// <param name="zip">The package file (read, not closed).</param>
    /// <param name="fileName">Its name, for messages.</param>
    public async Task<ContentImportResult> RunAsync(int organisationId, Stream zip, string fileName, ContentImportOptions options, CancellationToken ct = default)
    {
        using var source = ZipPackageSource.Open(zip, fileName);
        return await RunAsync(organisationId, source, options, ct);
    }

    public async Task<ContentImportResult> RunAsync(int organisationId, IPackageSource source, ContentImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            throw new InvalidOperationException($"Organisation {organisationId} does not exist.");
        }

        var validation = PackageValidator.Validate(PackageReader.Read(source), await CompetencyIdsAsync(db, ct));
        if (!validation.IsValid)
        {
            return ContentImportResult.Refused(validation.ModuleCode, validation.Problems);
        }

        var code = validation.ModuleCode!;
        var module = await db.Modules.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.Code == code, ct);
        if (module is not null && options.SkipExistingModule)
        {
            return new ContentImportResult(false, [], code, module.Id, false, 0, 0, ModuleStatus.Draft, Skipped: true);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var version = validation.Content!;
        version.OrganisationId = organisationId;
        version.CreatedBy = options.ImportedBy;
        version.CreatedAt = now;
        version.Status = ModuleStatus.Draft;
        var created = module is null;
        if (module is null)
        {
            module = new Module { OrganisationId = organisationId, Code = code, CreatedAt = now };
            db.Modules.Add(module);
            version.Number = 1;
        }
        else
        {
            version.Number = (await db.ModuleVersions.Where(v => v.ModuleId == module.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        }

        version.Module = module;
        if (options.Publish)
        {
            await RetirePublishedAsync(module, now, ct);
            version.Status = ModuleStatus.Published;
            version.PublishedBy = options.ImportedBy;
            version.PublishedAt = now;
        }

        db.ModuleVersions.Add(version);
        if (options.Publish && !created)
        {
            version.ModuleId = module.Id;
            await Regulation.ContentPublished.OnPublishedAsync(db, version, now, ct);
        }
        else
        {
            await Regulation.ContentPublished.OnImportedAsync(db, version, now, ct);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another import created the same module or version number while this one was checking the package.
            db.ChangeTracker.Clear();
            return ContentImportResult.Refused(code, [ConcurrentImport]);
        }
        catch
        {
            db.ChangeTracker.Clear(); // never leave half an import pending in a context that may be saved again
            throw;
        }

        return new ContentImportResult(true, [], code, module.Id, created, version.Id, version.Number, version.Status);
    }

    /// <summary>The catalogue's competency ids by code, ignoring case.</summary>
    internal static async Task<Dictionary<string, int>> CompetencyIdsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Competencies.AsNoTracking().Select(c => new { c.Code, c.Id }).ToListAsync(ct))
            .ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);

    private async Task RetirePublishedAsync(Module module, DateTime now, CancellationToken ct)
    {
        if (module.Id == 0)
        {
            return;
        }

        var published = await db.ModuleVersions.Where(v => v.ModuleId == module.Id && v.Status == ModuleStatus.Published).ToListAsync(ct);
        foreach (var old in published)
        {
            old.Status = ModuleStatus.Retired;
            old.RetiredAt = now;
        }
    }
}
