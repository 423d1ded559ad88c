using System.Globalization;
using System.Text;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

/// <param name="ImportedBy">Who imports (sign-in email).</param>
/// <param name="ModuleId">Attach to this existing module (its current version's conferrals count); null to create a module titled from the course.</param>
/// <param name="Confers">Competency codes the new module confers (ignored for an existing module).</param>
/// <param name="Publish">Publish the new module at once (the caller checks the right to).</param>
public sealed record Cmi5ImportOptions(string ImportedBy, int? ModuleId, IReadOnlyList<string> Confers, bool Publish);

public sealed record Cmi5ImportResult(IReadOnlyList<PackageProblem> Problems, int CourseId = 0, int ModuleId = 0, int ModuleVersionId = 0, bool ModuleCreated = false, int AuCount = 0)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// Imports a cmi5 course package (a zip with cmi5.xml at the top and the AUs' content): read with the
/// content-package limits (size, entries, zip slip, compression ratio), cmi5.xml checked with every
/// problem listed, then the course, blocks, AUs and files are stored and attached to a module — a new
/// one titled from the course that confers the given competencies, or an existing one. All or nothing.
/// </summary>
public sealed class ImportCmi5Course(AppDbContext db, TimeProvider time)
{
    public async Task<Cmi5ImportResult> RunAsync(int organisationId, Stream zip, string fileName, Cmi5ImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var source = ZipPackageSource.Open(zip, fileName);
        var read = PackageReader.Read(source, Cmi5PackageFiles.Check, Cmi5PackageFiles.MaxBytesOf);
        var problems = new List<PackageProblem>(read.Problems);
        if (source.Problems.Count > 0)
        {
            return new Cmi5ImportResult(problems);
        }

        CourseStructure? structure = null;
        if (!read.Files.TryGetValue(CourseStructureReader.FileName, out var xml))
        {
            var nested = read.Files.Keys.FirstOrDefault(k => k.EndsWith("/" + CourseStructureReader.FileName, StringComparison.Ordinal));
            problems.Add(PackageProblem.OfPackage(nested is null
                ? "there is no cmi5.xml at the top of the zip: a cmi5 course package holds cmi5.xml and the AUs' content"
                : $"cmi5.xml is inside a folder ({nested}); it must be at the top of the zip (zip the folder's contents, not the folder)"));
        }
        else
        {
            var (parsed, xmlProblems) = CourseStructureReader.Read(xml, read.Files.Keys.ToHashSet(StringComparer.Ordinal));
            structure = parsed;
            problems.AddRange(xmlProblems);
        }

        var competencyIds = new List<int>();
        Module? existing = null;
        ModuleVersion? existingVersion = null;
        if (options.ModuleId is { } moduleId)
        {
            existing = await db.Modules.FirstOrDefaultAsync(m => m.Id == moduleId && m.OrganisationId == organisationId, ct);
            existingVersion = existing is null ? null : await db.ModuleVersions.AsNoTracking()
                .Where(v => v.ModuleId == moduleId && v.Status != ModuleStatus.Retired)
                .OrderByDescending(v => v.Status == ModuleStatus.Published).ThenByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            if (existingVersion is null)
            {
                problems.Add(PackageProblem.OfPackage($"moduleId: there is no module {moduleId} with a draft or published version in your organisation"));
            }
        }
        else
        {
            var codes = options.Confers.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var known = await db.Competencies.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Id }).ToListAsync(ct);
            foreach (var code in codes)
            {
                if (known.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase)) is { } k)
                {
                    competencyIds.Add(k.Id);
                }
                else
                {
                    problems.Add(PackageProblem.OfPackage($"confers: \"{code}\" is not a competency code in the catalogue (e.g. CSTF-FIRE-1)"));
                }
            }

            if (codes.Count == 0)
            {
                problems.Add(PackageProblem.OfPackage("confers: name at least one competency the course counts for, or attach it to an existing module"));
            }
        }

        if (problems.Count > 0 || structure is null)
        {
            return new Cmi5ImportResult(problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = existing is null;
        ModuleVersion version;
        if (existing is null)
        {
            var module = new Module { OrganisationId = organisationId, Code = await FreeCodeAsync(organisationId, structure.Title, ct), CreatedAt = now };
            version = new ModuleVersion
            {
                OrganisationId = organisationId,
                Module = module,
                Number = 1,
                Status = options.Publish ? ModuleStatus.Published : ModuleStatus.Draft,
                Title = structure.Title,
                Summary = structure.Description.Length > 0 ? structure.Description : $"A cmi5 course: {structure.Title}.",
                EstimatedMinutes = 15,
                CreatedBy = options.ImportedBy,
                CreatedAt = now,
                PublishedBy = options.Publish ? options.ImportedBy : null,
                PublishedAt = options.Publish ? now : null,
                Confers = competencyIds.Select(id => new ModuleConferral { CompetencyId = id }).ToList(),
            };
            db.ModuleVersions.Add(version);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            version = existingVersion!;
        }

        var courseKey = Guid.NewGuid().ToString("N");
        var course = new Cmi5Course
        {
            OrganisationId = organisationId,
            ModuleId = version.ModuleId,
            ModuleVersionId = version.Id,
            PublisherId = structure.Id,
            LmsId = $"urn:careready:cmi5:{courseKey}",
            Title = structure.Title,
            Description = structure.Description,
            ImportedBy = options.ImportedBy,
            ImportedAt = now,
        };
        db.Cmi5Courses.Add(course);
        await db.SaveChangesAsync(ct);

        var blocks = new Dictionary<BlockNode, Cmi5Block>();
        var position = 0;
        foreach (var (block, parent) in structure.Blocks())
        {
            var row = new Cmi5Block
            {
                OrganisationId = organisationId,
                CourseId = course.Id,
                Position = ++position,
                PublisherId = block.Id,
                LmsId = $"urn:careready:cmi5:{courseKey}:block:{position.ToString(CultureInfo.InvariantCulture)}",
                Title = block.Title,
            };
            blocks[block] = row;
            db.Cmi5Blocks.Add(row);
            await db.SaveChangesAsync(ct);
            row.ParentId = parent is null ? null : blocks[parent].Id;
        }

        position = 0;
        foreach (var (au, block) in structure.Aus())
        {
            position++;
            db.Cmi5Aus.Add(new Cmi5Au
            {
                OrganisationId = organisationId,
                CourseId = course.Id,
                BlockId = block is null ? null : blocks[block].Id,
                Position = position,
                PublisherId = au.Id,
                ActivityId = $"urn:careready:cmi5:{courseKey}:au:{position.ToString(CultureInfo.InvariantCulture)}",
                Title = au.Title,
                Description = au.Description,
                Url = au.Url,
                LaunchMethod = au.LaunchMethod,
                MoveOn = au.MoveOn,
                MasteryScore = au.MasteryScore,
                LaunchParameters = au.LaunchParameters,
                EntitlementKey = au.EntitlementKey,
            });
        }

        foreach (var (path, content) in read.Files)
        {
            db.Cmi5Files.Add(new Cmi5File
            {
                OrganisationId = organisationId,
                CourseId = course.Id,
                Path = path,
                ContentType = Cmi5PackageFiles.ContentTypeOf(path) ?? "application/xml",
                Content = content,
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Cmi5ImportResult([], course.Id, version.ModuleId, version.Id, created, position);
    }

    /// <summary>"CMI5-" and the title in capitals and hyphens, made unique in the organisation.</summary>
    private async Task<string> FreeCodeAsync(int organisationId, string title, CancellationToken ct)
    {
        var slug = new StringBuilder("CMI5-");
        foreach (var ch in title.ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().TrimEnd('-');
        stem = stem.Length > 56 ? stem[..56] : stem;
        var taken = await db.Modules.AsNoTracking().Where(m => m.OrganisationId == organisationId && m.Code.StartsWith(stem)).Select(m => m.Code).ToListAsync(ct);
        var code = stem;
        for (var n = 2; taken.Contains(code, StringComparer.Ordinal); n++)
        {
            code = stem + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return code;
    }
}
