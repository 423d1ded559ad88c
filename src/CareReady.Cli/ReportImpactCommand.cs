using System.CommandLine;
using CareReady.Core.Analytics;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready report impact --measure CODE --subject CODE [--unit CODE] [--org CODE]</c>: the impact view's
/// numbers, organisation-wide (there is no signed-in user). Prints the plain-words reading, then one JSON
/// object as the last line. Exit codes: 0 printed, 2 usage error (unknown organisation, measure, subject or unit).
/// </summary>
public static class ReportImpactCommand
{
    public static Command Create()
    {
        var measure = new Option<string>("--measure") { Description = "Measure code (e.g. HAI)", Required = true };
        var subject = new Option<string>("--subject") { Description = "Training subject code (e.g. CSTF-IPC)", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Department code: only the units in that department's subtree (default: the whole organisation)" };
        var org = new Option<string?>("--org") { Description = "Organisation code (needed when the database holds more than one)" };

        var command = new Command("impact", "Lagged association (bootstrap 95% CI) and difference-in-differences (95% CI) between a training subject's compliance and a performance measure");
        command.Options.Add(measure);
        command.Options.Add(subject);
        command.Options.Add(unit);
        command.Options.Add(org);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await DatabaseMigrator.MigrateAsync(db, ct);
            if (await CliOrganisation.ResolveAsync(db, parse.GetValue(org), ct) is not { } target)
            {
                return 2;
            }

            var everything = new AnalyticsScope(target.Id, true, new HashSet<int>());
            try
            {
                var report = await new AnalyseImpact(db, new ComplianceHistory(time), time)
                    .RunAsync(everything, parse.GetValue(measure)!, parse.GetValue(subject)!, parse.GetValue(unit), ct);
                foreach (var line in report.Interpretation)
                {
                    Console.WriteLine(line);
                }

                Console.WriteLine(report.Summary().ToJson());
                return 0;
            }
            catch (KeyNotFoundException e)
            {
                await Console.Error.WriteLineAsync(e.Message + " Measures: GET /api/v1/analytics/measures; subjects: the Competencies page; departments: the Departments page.");
                return 2;
            }
        });
        return command;
    }
}
