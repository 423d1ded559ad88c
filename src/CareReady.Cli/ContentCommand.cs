using System.CommandLine;
using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Learning.Packages;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready content import FILE [--organisation CODE] [--publish]</c> and
/// <c>careready content export --module CODE [--version N] --out FILE [--organisation CODE]</c>:
/// content packages (docs/content-packages.md). Exit codes: 0 done, 1 the package was refused (every
/// problem printed, one a line, nothing changed) or the module version does not exist, 2 usage error.
/// </summary>
public static class ContentCommand
{
    public static Command Create()
    {
        var command = new Command("content", "Import and export learning modules as content packages (docs/content-packages.md)");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Option<string?> OrganisationOption() =>
        new("--organisation", "--org") { Description = "Organisation code (needed when the database holds more than one)" };

    private static Command Import()
    {
        var file = new Argument<FileSystemInfo>("FILE") { Description = "The package: a .zip file, or a folder laid out the same way" };
        var org = OrganisationOption();
        var publish = new Option<bool>("--publish") { Description = "Publish the new version at once (retiring the one published before) instead of leaving it a draft" };
        var import = new Command("import", "Check a content package and, when it has no problems, add it as a new module or the next version of the module with the same code");
        import.Arguments.Add(file);
        import.Options.Add(org);
        import.Options.Add(publish);
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

            var target = session.Organisation;
            var importer = ActivatorUtilities.CreateInstance<ImportContentPackage>(session.Services);
            var options = new ContentImportOptions(AuditContext.CliActor, parse.GetValue(publish));
            ContentImportResult result;
            if (path is DirectoryInfo folder)
            {
                result = await importer.RunAsync(target.Id, new FolderPackageSource(folder.FullName), options, ct);
            }
            else
            {
                await using var stream = File.OpenRead(path.FullName);
                result = await importer.RunAsync(target.Id, stream, path.Name, options, ct);
            }

            if (!result.Imported)
            {
                await Console.Error.WriteLineAsync($"{path.Name} was NOT imported: {result.Problems.Count} problem(s). Nothing was changed.");
                foreach (var problem in result.Problems)
                {
                    await Console.Error.WriteLineAsync("  " + problem);
                }

                return 1;
            }

            Console.WriteLine($"Imported {path.Name} into {target.Code}: module {result.ModuleCode}{(result.ModuleCreated ? " (new)" : "")}, " +
                $"version {result.VersionNumber}, {result.Status.ToString().ToLowerInvariant()}.");
            return 0;
        });
        return import;
    }

    private static Command Export()
    {
        var module = new Option<string>("--module") { Description = "The module's code, e.g. FIRE-SAFETY", Required = true };
        var version = new Option<int?>("--version") { Description = "The version number (default: the latest)" };
        var output = new Option<FileInfo>("--out") { Description = "The .zip file to write", Required = true };
        var org = OrganisationOption();
        var export = new Command("export", "Write a module version as a content package, in the format import reads");
        export.Options.Add(module);
        export.Options.Add(version);
        export.Options.Add(output);
        export.Options.Add(org);
        export.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            if (file.Directory is { Exists: false } directory)
            {
                await Console.Error.WriteLineAsync($"Folder not found: {directory.FullName}");
                return 2;
            }

            await using var session = await CliSession.OpenAsync(parse.GetValue(org), ct);
            if (session is null)
            {
                return 2;
            }

            var (db, target) = (session.Db, session.Organisation);
            var code = parse.GetValue(module)!;
            var number = parse.GetValue(version);
            var package = await new ExportContentPackage(db).RunAsync(target.Id, code, number, ct);
            if (package is null)
            {
                await Console.Error.WriteLineAsync(number is null
                    ? $"{target.Code} has no module with code '{code}'."
                    : $"{target.Code} has no version {number} of a module with code '{code}'.");
                return 1;
            }

            await File.WriteAllBytesAsync(file.FullName, package.Zip, ct);
            Console.WriteLine($"Exported {package.ModuleCode} version {package.VersionNumber} of {target.Code} to {file.Name} ({package.Zip.Length:N0} bytes).");
            return 0;
        });
        return export;
    }
}
