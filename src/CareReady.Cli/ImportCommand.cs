using System.CommandLine;
using CareReady.Core.Data;
using CareReady.Core.Workforce.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The HR extract (CSV; columns in the README)" };
        var org = new Option<string?>("--org") { Description = "Organisation code (needed when the database holds more than one)" };
        var staff = new Command("staff", "Import staff and positions from an ESR-style CSV: all or nothing; re-importing the same file changes nothing");
        staff.Arguments.Add(file);
        staff.Options.Add(org);
        staff.SetAction(async (parse, ct) =>
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
            var result = await scope.ServiceProvider.GetRequiredService<ImportStaff>().RunAsync(target.Id, stream, ct);
            if (!result.Applied)
            {
                await Console.Error.WriteLineAsync($"{path.Name} was NOT imported: {result.Errors.Count} problem(s). Nothing was changed.");
                foreach (var e in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"  row {e.Row}, column '{e.Column}': value '{e.Value}' — expected {e.Expected}");
                }

                return 1;
            }

            Console.WriteLine($"Imported {path.Name} into {target.Code}: people {result.PeopleCreated} created, {result.PeopleUpdated} updated, {result.PeopleUnchanged} unchanged; " +
                $"positions {result.PositionsCreated} created, {result.PositionsUpdated} updated, {result.PositionsUnchanged} unchanged, {result.PositionsEnded} ended.");
            return 0;
        });

        var command = new Command("import", "Import data files");
        command.Subcommands.Add(staff);
        command.Subcommands.Add(ImportDepartmentsCommand.Create());
        return command;
    }
}
