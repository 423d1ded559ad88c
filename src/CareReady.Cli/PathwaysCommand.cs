using System.CommandLine;
using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Pathways.Fsrs;
using CareReady.Core.Pathways.Refreshers;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready pathways fit [--org CODE] [--retention R]</c>: fits the organisation's FSRS weights from
/// its own refresher review log (kept from 1,000 reviews on) and optionally sets its target retention.
/// </summary>
public static class PathwaysCommand
{
    public static Command Create()
    {
        var org = new Option<string?>("--org") { Description = "Organisation code (needed when the database holds several)" };
        var retention = new Option<double?>("--retention") { Description = "Also set the target retention (0.7–0.97; default 0.9)" };
        var fit = new Command("fit", "Fit the organisation's FSRS parameters from its own review history");
        fit.Options.Add(org);
        fit.Options.Add(retention);
        fit.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await CliOrganisation.ResolveAsync(db, parse.GetValue(org), ct) is not { } organisation)
            {
                return 2;
            }

            var fitter = new FitRefresherParameters(db, services.GetRequiredService<TimeProvider>());
            if (parse.GetValue(retention) is double r && await fitter.SetTargetRetentionAsync(organisation.Id, r, ct) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            var result = await fitter.RunAsync(organisation.Id, ct);
            Console.WriteLine(result.Fitted
                ? string.Create(CultureInfo.InvariantCulture, $"{organisation.Code}: fitted on {result.Reviews:N0} reviews; log loss {result.LogLossBefore:0.0000} → {result.LogLossAfter:0.0000}. Refreshers are scheduled with the new weights from now on.")
                : string.Create(CultureInfo.InvariantCulture, $"{organisation.Code}: {result.Reviews:N0} reviews, fewer than the {FsrsParameterFitter.MinimumReviews:N0} needed; the default FSRS-6 weights stay."));
            return 0;
        });

        var command = new Command("pathways", "Personalised pathways and spaced refreshers");
        command.Subcommands.Add(fit);
        return command;
    }
}
