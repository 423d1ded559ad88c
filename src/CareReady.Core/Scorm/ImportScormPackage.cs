using System.Text;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Scorm;

/// <param name="ImportedBy">Who imports (the version's CreatedBy, and PublishedBy when published).</param>
/// <param name="ModuleId">Attach to this module of the organisation as its next version; null creates a module named after the manifest.</param>
/// <param name="CompetencyCodes">What the module confers; empty for an existing module keeps what its latest version conferred.</param>
/// <param name="Publish">Publish at once, retiring the version published before (the caller checks the right to).</param>
/// <param name="EstimatedMinutes">About how long it takes, shown to learners.</param>
public sealed record ScormImportOptions(string ImportedBy, int? ModuleId, IReadOnlyList<string> CompetencyCodes, bool Publish, int EstimatedMinutes = 15);

public sealed record ScormImportResult(
    bool Imported, IReadOnlyList<PackageProblem> Problems, int PackageId = 0, int ModuleId = 0, string? ModuleCode = null, bool ModuleCreated = false,
    int VersionId = 0, int VersionNumber = 0, ModuleStatus Status = ModuleStatus.Draft, ScormEdition Edition = ScormEdition.Scorm12, string? Title = null)
{
    public static ScormImportResult Refused(IReadOnlyList<PackageProblem> problems) => new(false, problems);
}

/// <summary>
/// Imports a SCORM 1.2 or 2004 zip as a version of a module. All or nothing: the zip is read with the
/// content-package limits (zip slip, zip bombs, sizes), the manifest is checked
/// (<see cref="ScormManifestReader"/>) and the options too; with any problem nothing is written. A good
/// package becomes, in one transaction, a module version (a new module coded from the manifest title, or
/// the next version of the chosen module) conferring the chosen competencies, its <see cref="ScormPackage"/>
/// and every file of the zip.
/// </summary>
public sealed class ImportScormPackage(AppDbContext db, TimeProvider time)
{
    public const string FormField = "(form)";

    public async Task<ScormImportResult> RunAsync(int organisationId, Stream zip, string fileName, ScormImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var source = ZipPackageSource.Open(zip, fileName);
        var read = PackageReader.Read(source, ScormFiles.Check, ScormFiles.MaxBytesOf);
        var problems = new List<PackageProblem>(read.Problems);
        var manifest = source.Problems.Count == 0 ? ScormManifestReader.Read(read.Files) : null;
        if (manifest is not null)
        {
            problems.AddRange(manifest.Problems);
        }

        Module? module = null;
        if (options.ModuleId is int moduleId)
        {
            module = await db.Modules.FirstOrDefaultAsync(m => m.Id == moduleId && m.OrganisationId == organisationId, ct);
            if (module is null)
            {
                problems.Add(new PackageProblem(FormField, null, $"moduleId: there is no module {moduleId} in your organisation"));
            }
        }

        var confers = await ConfersAsync(module, options.CompetencyCodes, problems, ct);
        if (options.EstimatedMinutes is < 1 or > 600)
        {
            problems.Add(new PackageProblem(FormField, null, $"minutes: {options.EstimatedMinutes} is out of range; expected 1 to 600"));
        }

        if (problems.Count > 0 || manifest?.Manifest is not { } found)
        {
            return ScormImportResult.Refused(problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var created = module is null;
        var number = 1;
        if (module is null)
        {
            module = new Module { OrganisationId = organisationId, Code = await NewCodeAsync(organisationId, found.Title, ct), CreatedAt = now };
            db.Modules.Add(module);
        }
        else
        {
            number = (await db.ModuleVersions.Where(v => v.ModuleId == module.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        }

        var edition = found.Edition == ScormEdition.Scorm12 ? "SCORM 1.2" : "SCORM 2004";
        var version = new ModuleVersion
        {
            OrganisationId = organisationId,
            Module = module,
            Number = number,
            Status = ModuleStatus.Draft,
            Title = found.Title,
            Summary = $"An interactive e-learning package ({edition}), played in your browser. It counts when the package reports that you completed or passed it.",
            EstimatedMinutes = options.EstimatedMinutes,
            CreatedBy = options.ImportedBy,
            CreatedAt = now,
            Confers = confers.Select(id => new ModuleConferral { CompetencyId = id }).ToList(),
        };
        if (options.Publish)
        {
            if (!created)
            {
                foreach (var old in await db.ModuleVersions.Where(v => v.ModuleId == module.Id && v.Status == ModuleStatus.Published).ToListAsync(ct))
                {
                    old.Status = ModuleStatus.Retired;
                    old.RetiredAt = now;
                }
            }

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

        var package = new ScormPackage
        {
            OrganisationId = organisationId,
            Edition = found.Edition,
            SchemaVersion = found.SchemaVersion,
            Identifier = found.Identifier.Length > 200 ? found.Identifier[..200] : found.Identifier,
            Title = found.Title,
            LaunchPath = found.LaunchPath,
            Scos = found.Items.Select((item, i) => new ScormSco
            {
                OrganisationId = organisationId, Position = i + 1, Identifier = item.Identifier.Length > 200 ? item.Identifier[..200] : item.Identifier,
                Title = item.Title, LaunchPath = item.LaunchPath, IsAsset = item.IsAsset, SequencingJson = item.Sequencing?.ToJson(),
            }).ToList(),
            ImportedBy = options.ImportedBy,
            ImportedAt = now,
            Files = read.Files.Select(f => new ScormFile
            {
                OrganisationId = organisationId, Path = f.Key, ContentType = ScormFiles.ContentTypeOf(f.Key), Content = f.Value,
            }).ToList(),
        };

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            package.ModuleVersionId = version.Id;
            db.ScormPackages.Add(package);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ScormImportResult.Refused([ImportContentPackage.ConcurrentImport]);
        }
        catch
        {
            db.ChangeTracker.Clear(); // never leave half an import pending
            throw;
        }

        return new ScormImportResult(true, [], package.Id, module.Id, module.Code, created, version.Id, version.Number, version.Status, found.Edition, found.Title);
    }

    private async Task<List<int>> ConfersAsync(Module? module, IReadOnlyList<string> codes, List<PackageProblem> problems, CancellationToken ct)
    {
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0)
        {
            if (module is not null)
            {
                return await db.ModuleVersions.Where(v => v.ModuleId == module.Id).OrderByDescending(v => v.Number)
                    .Take(1).SelectMany(v => v.Confers.Select(c => c.CompetencyId)).ToListAsync(ct);
            }

            problems.Add(new PackageProblem(FormField, null, "competencies: name at least one competency code the module confers (e.g. CSTF-FIRE-1)"));
            return [];
        }

        var known = (await db.Competencies.AsNoTracking().Select(c => new { c.Code, c.Id }).ToListAsync(ct))
            .ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var ids = new List<int>();
        foreach (var code in wanted)
        {
            if (known.TryGetValue(code, out var id))
            {
                ids.Add(id);
            }
            else
            {
                problems.Add(new PackageProblem(FormField, null, $"competencies: '{code}' is not a competency code in the catalogue"));
            }
        }

        return ids;
    }

    /// <summary>"SCORM-" and the title in capitals and dashes, made unique in the organisation with -2, -3….</summary>
    private async Task<string> NewCodeAsync(int organisationId, string title, CancellationToken ct)
    {
        var slug = new StringBuilder("SCORM-");
        foreach (var c in title.ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().TrimEnd('-');
        stem = stem.Length > 56 ? stem[..56].TrimEnd('-') : stem;
        var taken = await db.Modules.Where(m => m.OrganisationId == organisationId && m.Code.StartsWith(stem)).Select(m => m.Code).ToListAsync(ct);
        var code = stem;
        for (var n = 2; taken.Contains(code, StringComparer.Ordinal); n++)
        {
            code = $"{stem}-{n}";
        }

        return code;
    }
}
