using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Regulation.Bench;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready bench change</c>: preview and apply a guideline change on a framework-wide subject across the
/// benchmark trusts (from <c>bench generate</c>), with a reader running; prints one JSON object as its last line.
/// </summary>
public static class BenchChangeCommand
{
    public static Command Create()
    {
        var today = new Option<string?>("--today") { Description = "The day of the change (yyyy-MM-dd); default 2026-11-27, the generator's day" };
        var months = new Option<int>("--months") { Description = "IG completions of the last N months were on the cited module", DefaultValueFactory = _ => 5 };
        var parallel = new Option<int>("--parallel") { Description = "Trusts previewed and applied at a time (each on its own connection)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var check = new Option<int>("--check") { Description = "Trusts whose statuses are compared three ways after the apply", DefaultValueFactory = _ => 1 };
        var command = new Command("change", "Measure the impact preview and apply of a guideline change on the benchmark data (PostgreSQL)");
        command.Options.Add(today);
        command.Options.Add(months);
        command.Options.Add(check);
        command.Options.Add(parallel);
        command.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(today) is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : BenchDataGenerator.DefaultToday;
            await using var services = CliHost.Build();
            var options = services.GetRequiredService<DatabaseOptions>();
            var r = await ChangeBenchmark.RunAsync(options, day, Math.Max(1, parse.GetValue(months)), Math.Max(0, parse.GetValue(check)), Math.Max(1, parse.GetValue(parallel)), Console.WriteLine, ct);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                staff = r.Staff,
                affected = r.Affected,
                preview_ms = Math.Round(r.PreviewMs),
                apply_ms = Math.Round(r.ApplyMs),
                reader_p95_ms_during_apply = Math.Round(r.ReaderP95DuringMs, 1),
                reader_p95_ms_before = Math.Round(r.ReaderP95BeforeMs, 1),
                trusts = r.Trusts,
                parallel = Math.Max(1, parse.GetValue(parallel)),
                preview_ms_first = Math.Round(r.PreviewFirstMs),
                preview_ms_all_trusts_one_by_one = Math.Round(r.PreviewAllTrustsMs),
                preview_ms_per_trust_median = Math.Round(r.PreviewTrustMedianMs, 1),
                apply_ms_per_trust_median = Math.Round(r.ApplyTrustMedianMs, 1),
                reads_during_apply = r.ReadsDuring,
                results_match = r.ResultsMatch,
            }));
            return r.ResultsMatch ? 0 : 1;
        });
        return command;
    }
}
