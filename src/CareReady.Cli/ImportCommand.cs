using System.CommandLine;
using CareReady.Core.Workforce.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary><c>careready import staff|departments FILE [--org CODE]</c>.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var staff = CliImport.Create(
            "staff",
            "Import staff and positions from an ESR-style CSV: all or nothing; re-importing the same file changes nothing",
            "The HR extract (CSV; columns in the README)",
            async (services, organisationId, stream, ct) =>
            {
                var result = await services.GetRequiredService<ImportStaff>().RunAsync(organisationId, stream, ct);
                return new CliImportOutcome(result.Errors,
                    $"people {result.PeopleCreated} created, {result.PeopleUpdated} updated, {result.PeopleUnchanged} unchanged; " +
                    $"positions {result.PositionsCreated} created, {result.PositionsUpdated} updated, {result.PositionsUnchanged} unchanged, {result.PositionsEnded} ended");
            });

        var command = new Command("import", "Import data files");
        command.Subcommands.Add(staff);
        command.Subcommands.Add(ImportDepartmentsCommand.Create());
        return command;
    }
}
