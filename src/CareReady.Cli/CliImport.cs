using System.CommandLine;
using CareReady.Core.Data;
using CareReady.Core.Workforce.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>The outcome of an import as the CLI reports it.</summary>
public sealed record CliImportOutcome(IReadOnlyList<ImportError> Errors, string Summary);

/// <summary>
/// The shape every <c>careready import KIND FILE [--org CODE]</c> command shares: exit 0 when imported,
/// 1 when the file was refused (every problem printed, nothing changed), 2 for a usage error.
/// </summary>
public static class CliImport
{
    public static Command Create(string name, string description, string fileDescription,
        Func<IServiceProvider, int, Stream, CancellationToken, Task<CliImportOutcome>> run)
    {
        var file = new Argument<FileInfo>("FILE") { Description = fileDescription };
        var org = new Option<string?>("--org") { Description = "Organisation code (needed when the database holds more than one)" };
        var command = new Command(name, description);
        command.Arguments.Add(file);
        command.Options.Add(org);
        command.SetAction(async (parse, ct) =>
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
            await using var stream = path.OpenRead();
            var outcome = await run(session.Services, target.Id, stream, ct);
            if (outcome.Errors.Count > 0)
            {
                await Console.Error.WriteLineAsync($"{path.Name} was NOT imported: {outcome.Errors.Count} problem(s). Nothing was changed.");
                foreach (var e in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync($"  row {e.Row}, column '{e.Column}': value '{e.Value}' — expected {e.Expected}");
                }

                return 1;
            }

            Console.WriteLine($"Imported {path.Name} into {target.Code}: {outcome.Summary}.");
            return 0;
        });
        return command;
    }
}
