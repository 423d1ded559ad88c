using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CareReady.Core.Pathways.Simulation;

namespace CareReady.Cli;

/// <summary>
/// <c>careready bench pathways --learners N --seed S</c>: the refresher policies on simulated learners
/// at equal study minutes (no database needed). Prints progress and a table, then one JSON object as
/// the last line.
/// </summary>
public static class BenchPathwaysCommand
{
    public static Command Create()
    {
        var learners = new Option<int>("--learners") { Description = "Simulated learners", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same figures)", DefaultValueFactory = _ => 1 };
        var annualMinutes = new Option<double>("--annual-minutes-per-item") { Description = "Minutes one question of the annual module costs, lesson included", DefaultValueFactory = _ => 2.0 };
        var planPeople = new Option<int>("--plan-people") { Description = "People whose plan is timed with the demo organisation loaded in SQLite (0: skip)", DefaultValueFactory = _ => 300 };
        var planStaff = new Option<int>("--plan-staff") { Description = "Size of the demo organisation for the plan timing", DefaultValueFactory = _ => 6000 };
        var command = new Command("pathways", "Compare the fixed annual refresher, SM-2 and CareReady's FSRS refreshers on simulated learners at equal study minutes");
        command.Options.Add(learners);
        command.Options.Add(seed);
        command.Options.Add(annualMinutes);
        command.Options.Add(planPeople);
        command.Options.Add(planStaff);
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(learners);
            if (n < 1 || parse.GetValue(annualMinutes) <= 0 || parse.GetValue(planPeople) < 0 || parse.GetValue(planStaff) < 50)
            {
                Console.Error.WriteLine("--learners must be at least 1, --annual-minutes-per-item more than 0, --plan-people 0 or more and --plan-staff at least 50.");
                return 2;
            }

            var sw = Stopwatch.StartNew();
            Console.WriteLine($"Simulating {n:N0} learners over two years (seed {parse.GetValue(seed)})…");
            var result = PathwayBenchmark.Run(n, parse.GetValue(seed), new SimulationOptions { AnnualMinutesPerItem = parse.GetValue(annualMinutes) },
                line => Console.WriteLine($"[{sw.Elapsed.TotalSeconds,6:0.0} s] {line}"));
            var fixedAnnual = result.Policies[0];
            Console.WriteLine();
            Console.WriteLine("policy        retained  forgotten  vs annual  min/yr  log loss  RMSE(bins)  reviews");
            foreach (var p in result.Policies)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Policy,-12}  {p.RetainedShare,8:0.000}  {1 - p.RetainedShare,9:0.000}  {(1 - p.RetainedShare) / (1 - fixedAnnual.RetainedShare),8:0.00}×  {p.StudyMinutesPerYear,6:0.0}  {p.LogLoss,8:0.0000}  {p.RmseBins,10:0.0000}  {p.Reviews,7:N0}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mastery AUC {result.MasteryAuc:0.000} vs per-item average {result.BaselineAuc:0.000}; {sw.Elapsed.TotalSeconds:0.0} s"));
            double? planP95 = null;
            if (parse.GetValue(planPeople) > 0)
            {
                var timing = await BenchPlanTiming.RunAsync(parse.GetValue(planStaff), parse.GetValue(planPeople), parse.GetValue(seed),
                    line => Console.WriteLine($"[{sw.Elapsed.TotalSeconds,6:0.0} s] {line}"), ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"plan for one person ({timing.People:N0} of {timing.Staff:N0} demo staff, SQLite): first visit p50 {timing.FirstP50Ms:0.0} ms, p95 {timing.FirstP95Ms:0.0} ms (creates the refresher cards); after that p50 {timing.P50Ms:0.0} ms, p95 {timing.P95Ms:0.0} ms, max {timing.MaxMs:0.0} ms (CPU time p50 {timing.CpuP50Ms:0.0} ms, p95 {timing.CpuP95Ms:0.0} ms); load average {LoadAverage()}; {timing.ItemsPerPlan:0.0} items per plan, {timing.Cards:N0} cards"));
                planP95 = timing.P95Ms;
            }

            Console.WriteLine(result.ToJson(planP95));
            return 0;
        });
        return command;
    }

    /// <summary>The 1-minute load average (Linux), so a reader can tell a quiet machine from a busy one.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
