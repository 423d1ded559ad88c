using System.CommandLine;
using System.Globalization;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Reports;
using CareReady.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready report matrix --unit CODE --as-of DATE --format csv|xlsx|pdf --out FILE [--org CODE]</c>:
/// the inspection evidence pack, organisation-wide (there is no signed-in user). Exit codes: 0 written,
/// 1 the file could not be written, 2 usage error (unknown organisation, unit, format or date).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var unit = new Option<string?>("--unit") { Description = "Department code: that department and everything below it (default: the whole organisation)" };
        var asOf = new Option<string?>("--as-of") { Description = "The day the matrix stands on, YYYY-MM-DD or DD/MM/YYYY (default: today)" };
        var format = new Option<string?>("--format") { Description = "csv, xlsx or pdf (default: from the --out file's extension)" };
        var output = new Option<FileInfo>("--out") { Description = "The file to write", Required = true };
        var org = new Option<string?>("--org") { Description = "Organisation code (needed when the database holds more than one)" };

        var matrix = new Command("matrix", "Write the training matrix evidence pack (every person × required competency with status and dates, summary per subject, exemptions, prior learning)");
        matrix.Options.Add(unit);
        matrix.Options.Add(asOf);
        matrix.Options.Add(format);
        matrix.Options.Add(output);
        matrix.Options.Add(org);
        matrix.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            var formatText = parse.GetValue(format) ?? file.Extension.TrimStart('.');
            if (!MatrixFormats.TryParse(formatText, out var chosen))
            {
                await Console.Error.WriteLineAsync(parse.GetValue(format) is null
                    ? $"Choose a format with --format ({MatrixFormats.Expected}); it cannot be told from '{file.Name}'."
                    : $"Unknown format '{formatText}': expected {MatrixFormats.Expected}.");
                return 2;
            }

            DateOnly? day = null;
            if (parse.GetValue(asOf) is { } dateText)
            {
                if (!DateOnly.TryParseExact(dateText.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"Invalid --as-of '{dateText}': expected a date as YYYY-MM-DD or DD/MM/YYYY.");
                    return 2;
                }

                day = parsed;
            }

            if (file.Directory is { Exists: false } directory)
            {
                await Console.Error.WriteLineAsync($"Folder not found: {directory.FullName}");
                return 2;
            }

            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await DatabaseMigrator.MigrateAsync(db, ct);

            if (await CliOrganisation.ResolveAsync(db, parse.GetValue(org), ct) is not { } target)
            {
                return 2;
            }

            var everything = new AccessScope("cli", target.Id, true, new HashSet<int>(), null, new HashSet<string>());
            var build = new BuildTrainingMatrix(db, new ComputeComplianceSnapshot(db), time);
            var unitCode = parse.GetValue(unit);
            var result = await build.RunAsync(everything, unitCode, day ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
            if (result is null)
            {
                await Console.Error.WriteLineAsync($"No department with code '{unitCode}' in {target.Code}. The codes are listed on the Departments page and by GET /api/v1/departments.");
                return 2;
            }

            try
            {
                // Written beside the target first, so a failure never leaves half a file under the real name.
                var temporary = file.FullName + ".part";
                await using (var stream = File.Create(temporary))
                {
                    MatrixFormats.Write(result, chosen, stream);
                }

                File.Move(temporary, file.FullName, overwrite: true);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Could not write {file.FullName}: {e.Message}");
                return 1;
            }
            catch (UnauthorizedAccessException e)
            {
                await Console.Error.WriteLineAsync($"Could not write {file.FullName}: {e.Message}");
                return 1;
            }

            Console.WriteLine($"Wrote {file.Name}: training matrix of {result.UnitName} as of {result.AsOf:yyyy-MM-dd}, " +
                $"{result.Rows.Count} people × {result.Columns.Count} competencies, {result.Exemptions.Count} exemption(s), {result.PriorLearning.Count} prior learning record(s).");
            return 0;
        });

        var command = new Command("report", "Reports and evidence for inspections");
        command.Subcommands.Add(matrix);
        command.Subcommands.Add(ReportImpactCommand.Create());
        return command;
    }
}
