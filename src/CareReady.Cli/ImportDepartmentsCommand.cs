using System.CommandLine;
using CareReady.Core.Data;
using CareReady.Core.Workforce.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary><c>careready import departments FILE [--org CODE]</c>: load sites and the department tree before the staff file.</summary>
public static class ImportDepartmentsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The sites and departments (CSV; columns in the README)" };
        var org = new Option<string?>("--org") { Description = "Organisation code (needed when the database holds more than one)" };
        var departments = new Command("departments", "Import sites and the department tree from a CSV: all or nothing; re-importing the same file changes nothing");
        departments.Arguments.Add(file);
        departments.Options.Add(org);
        departments.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"File not found: {path.FullName}");
                return 2;
            }

            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);

            var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
            var code = parse.GetValue(org);
            var target = code is null
                ? (organisations.Count == 1 ? organisations[0] : null)
                : organisations.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));
            if (target is null)
            {
                await Console.Error.WriteLineAsync(code is null
                    ? $"The database holds {organisations.Count} organisations; choose one with --org ({string.Join(", ", organisations.Select(o => o.Code))})."
                    : $"No organisation with code '{code}'. Known: {string.Join(", ", organisations.Select(o => o.Code))}.");
                return 2;
            }

            await using var stream = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<ImportDepartments>().RunAsync(target.Id, stream, ct);
            if (!result.Applied)
            {
                await Console.Error.WriteLineAsync($"{path.Name} was NOT imported: {result.Errors.Count} problem(s). Nothing was changed.");
                foreach (var e in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"  row {e.Row}, column '{e.Column}': value '{e.Value}' — expected {e.Expected}");
                }

                return 1;
            }

            Console.WriteLine($"Imported {path.Name} into {target.Code}: sites {result.SitesCreated} created; " +
                $"departments {result.DepartmentsCreated} created, {result.DepartmentsUpdated} updated, {result.DepartmentsUnchanged} unchanged.");
            return 0;
        });

        return departments;
    }
}
