using System.CommandLine;
using CareReady.Core.Workforce.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary><c>careready import departments FILE [--org CODE]</c>: load sites and the department tree before the staff file.</summary>
public static class ImportDepartmentsCommand
{
    public static Command Create() => CliImport.Create(
        "departments",
        "Import sites and the department tree from a CSV: all or nothing; re-importing the same file changes nothing",
        "The sites and departments (CSV; columns in the README)",
        async (services, organisationId, stream, ct) =>
        {
            var result = await services.GetRequiredService<ImportDepartments>().RunAsync(organisationId, stream, ct);
            return new CliImportOutcome(result.Errors,
                $"sites {result.SitesCreated} created; departments {result.DepartmentsCreated} created, {result.DepartmentsUpdated} updated, {result.DepartmentsUnchanged} unchanged");
        });
}
