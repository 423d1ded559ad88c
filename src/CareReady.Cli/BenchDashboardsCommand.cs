using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CareReady.Core.Analytics;
using CareReady.Core.Analytics.Bench;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Regulation.Bench;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready bench dashboards</c>: a trust's leadership dashboard and the national heatmap on the benchmark data
/// (from <c>bench generate</c>); prints one JSON object as its last line.
/// </summary>
public static class BenchDashboardsCommand
{
    public static Command Create()
    {
        var today = new Option<string?>("--today") { Description = "The day the dashboards stand on (yyyy-MM-dd); default 2026-11-27, the generator's day" };
        var trusts = new Option<int>("--trusts") { Description = "Trusts whose dashboards are measured (a seeded random sample)", DefaultValueFactory = _ => 10 };
        var runs = new Option<int>("--runs") { Description = "Repeats of each measured view", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the trust sample", DefaultValueFactory = _ => 1 };
        var command = new Command("dashboards", "Measure a trust's leadership dashboard and the national heatmap on the benchmark data");
        foreach (var option in new Option[] { today, trusts, runs, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(today) is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : BenchDataGenerator.DefaultToday;
            var clock = new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            await using var services = CliHost.Build(s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton(sp => new ComplianceHistory(clock, sp.GetRequiredService<IServiceScopeFactory>()));
                s.AddScoped<SimulationReliance>();
                s.AddScoped<LeadershipDashboard>();
                s.AddScoped<NationalHeatmap>();
            });
            var r = await DashboardBenchmark.RunAsync(services, Math.Max(1, parse.GetValue(trusts)), Math.Max(1, parse.GetValue(runs)), parse.GetValue(seed), Console.WriteLine, ct);
            foreach (var problem in r.Problems)
            {
                Console.WriteLine("MISMATCH " + problem);
            }

            Console.WriteLine(JsonSerializer.Serialize(new
            {
                staff = r.Staff,
                trusts = r.Trusts,
                trusts_measured = r.SampledTrusts,
                trust_dashboard_ms_p50 = R(r.TrustP50Ms),
                trust_dashboard_ms_p95 = R(r.TrustP95Ms),
                trust_dashboard_first_ms_median = R(r.TrustFirstMs),
                trust_dashboard_cold_ms_median = R(r.TrustColdMs),
                national_heatmap_ms_p50 = R(r.NationalP50Ms),
                national_heatmap_ms_p95 = R(r.NationalP95Ms),
                national_heatmap_first_ms = R(r.NationalColdMs),
                peak_working_set_mb = r.PeakWorkingSetMb,
                results_match = r.ResultsMatch,
            }));
            return r.ResultsMatch ? 0 : 1;
        });
        return command;
    }

    private static double? R(double ms) => double.IsNaN(ms) ? null : Math.Round(ms, 1);
}
