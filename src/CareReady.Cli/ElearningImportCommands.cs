using System.CommandLine;
using CareReady.Core.Audit;
using CareReady.Core.Cmi5;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Learning.Packages;
using CareReady.Core.Scorm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready scorm import FILE [--competencies CODES] [--module CODE] [--minutes N] [--publish] [--org CODE]</c> and
/// <c>careready cmi5 import FILE [--competencies CODES] [--module CODE] [--publish] [--org CODE]</c> (a course attaches to the
/// module's current version; a SCORM package becomes its next version): load a library of
/// bought e-learning in one go (a script over a folder of zips), with the checks of the import pages. Exit codes: 0
/// imported, 1 refused (every problem printed, one a line, nothing changed), 2 usage error (no such file, organisation
/// or module).
/// </summary>
public static class ElearningImportCommands
{
    private sealed record Imported(IReadOnlyList<PackageProblem> Problems, string Summary);

    private sealed record ImportRequest(int OrganisationId, int? ModuleId, string[] Competencies, bool Publish, FileInfo File);

    public static Command Scorm()
    {
        var minutes = new Option<int>("--minutes") { Description = "About how many minutes it takes (default 15)", DefaultValueFactory = _ => 15 };
        var command = new Command("scorm", "SCORM 1.2 and 2004 packages");
        command.Subcommands.Add(Import("SCORM package", "a SCORM 1.2 or 2004 zip (imsmanifest.xml at the top)",
            "Add it as the next version of the module with this code", [minutes], async (services, request, parse, ct) =>
        {
            await using var stream = request.File.OpenRead();
            var result = await ActivatorUtilities.CreateInstance<ImportScormPackage>(services).RunAsync(request.OrganisationId, stream, request.File.Name,
                new ScormImportOptions(AuditContext.CliActor, request.ModuleId, request.Competencies, request.Publish, parse.GetValue(minutes)), ct);
            return new Imported(result.Problems, result.Imported
                ? $"module {result.ModuleCode}{(result.ModuleCreated ? " (new)" : "")}, version {result.VersionNumber}, {result.Status.ToString().ToLowerInvariant()} — \"{result.Title}\", SCORM package {result.PackageId}"
                : "");
        }));
        return command;
    }

    public static Command Cmi5()
    {
        var command = new Command("cmi5", "cmi5 courses");
        command.Subcommands.Add(Import("course package", "a cmi5 course zip (cmi5.xml at the top)",
            "Attach it to the module with this code (its current version; what it confers counts)", [], async (services, request, _, ct) =>
        {
            await using var stream = request.File.OpenRead();
            var result = await ActivatorUtilities.CreateInstance<ImportCmi5Course>(services).RunAsync(request.OrganisationId, stream, request.File.Name,
                new Cmi5ImportOptions(AuditContext.CliActor, request.ModuleId, request.Competencies, request.Publish), ct);
            if (!result.Imported)
            {
                return new Imported(result.Problems, "");
            }

            var version = await services.GetRequiredService<AppDbContext>().ModuleVersions.AsNoTracking().Where(v => v.Id == result.ModuleVersionId)
                .Select(v => new { v.Module!.Code, v.Number, v.Status, v.Title }).FirstAsync(ct);
            return new Imported(result.Problems,
                $"module {version.Code}{(result.ModuleCreated ? " (new)" : "")}, version {version.Number}, {version.Status.ToString().ToLowerInvariant()} — \"{version.Title}\", " +
                $"cmi5 course {result.CourseId} with {result.AuCount} AU{(result.AuCount == 1 ? "" : "s")}");
        }));
        return command;
    }

    private static Command Import(string what, string fileHelp, string moduleHelp, Option[] extra, Func<IServiceProvider, ImportRequest, ParseResult, CancellationToken, Task<Imported>> run)
    {
        var file = new Argument<FileInfo>("FILE") { Description = $"The {what}: {fileHelp}" };
        var competencies = new Option<string?>("--competencies") { Description = "Competency codes it counts for, separated by commas (for an existing module, leave out to keep what it confers)" };
        var module = new Option<string?>("--module") { Description = moduleHelp + " (default: a new module titled from the package)" };
        var publish = new Option<bool>("--publish") { Description = "Publish at once instead of leaving a draft for review" };
        var org = new Option<string?>("--organisation", "--org") { Description = "Organisation code (needed when the database holds more than one)" };
        var import = new Command("import", $"Check a {what} and, when it has no problems, add it as a module version");
        import.Arguments.Add(file);
        foreach (var option in new Option[] { competencies, module, publish, org }.Concat(extra))
        {
            import.Options.Add(option);
        }

        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!await CliSession.ExistsAsync(path))
            {
                return 2;
            }

            await using var session = await CliSession.OpenAsync(parse.GetValue(org), ct);
            if (session is null)
            {
                return 2;
            }

            var (db, target) = (session.Db, session.Organisation);

            int? moduleId = null;
            if (parse.GetValue(module) is { } code)
            {
                moduleId = (await db.Modules.AsNoTracking().Where(m => m.OrganisationId == target.Id).Select(m => new { m.Id, m.Code }).ToListAsync(ct))
                    .Where(m => string.Equals(m.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)).Select(m => (int?)m.Id).FirstOrDefault();
                if (moduleId is null)
                {
                    await Console.Error.WriteLineAsync($"{target.Code} has no module with code '{code}'.");
                    return 2;
                }
            }

            var codes = CompetencyCodeList.Parse(parse.GetValue(competencies));
            var result = await run(session.Services, new ImportRequest(target.Id, moduleId, codes, parse.GetValue(publish), path), parse, ct);
            if (result.Problems.Count > 0)
            {
                await Console.Error.WriteLineAsync($"{path.Name} was NOT imported: {result.Problems.Count} problem(s). Nothing was changed.");
                foreach (var problem in result.Problems)
                {
                    await Console.Error.WriteLineAsync("  " + problem);
                }

                return 1;
            }

            Console.WriteLine($"Imported {path.Name} into {target.Code}: {result.Summary}.");
            return 0;
        });
        return import;
    }
}
