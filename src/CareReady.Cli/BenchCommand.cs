using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareReady.Cli;

/// <summary>
/// <c>careready bench generate --staff N --seed S</c> writes deterministic national-scale data;
/// <c>careready bench compliance</c> measures the compliance engine and the SQL baseline on it and
/// prints a table, then one JSON object as the last line.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks at realistic scale (see bench/README.md)");
        command.Subcommands.Add(Generate());
        command.Subcommands.Add(Compliance());
        command.Subcommands.Add(BenchPathwaysCommand.Create());
        command.Subcommands.Add(BenchChangeCommand.Create());
        command.Subcommands.Add(BenchLrsCommand.Create());
        command.Subcommands.Add(BenchDashboardsCommand.Create());
        return command;
    }

    private static Command Generate()
    {
        var staff = new Option<int>("--staff") { Description = "Number of staff (trusts of 20,000)", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same data)", DefaultValueFactory = _ => 1 };
        var today = new Option<string?>("--today") { Description = "Day the data is generated for (yyyy-MM-dd); default 2026-11-27" };
        var generate = new Command("generate", "Generate benchmark organisations, staff, rules and training history into the configured database");
        generate.Options.Add(staff);
        generate.Options.Add(seed);
        generate.Options.Add(today);
        generate.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);
            await db.Database.OpenConnectionAsync(ct);
            var result = await BenchDataGenerator.GenerateAsync(db, parse.GetValue(staff), parse.GetValue(seed), Day(parse.GetValue(today)),
                Console.WriteLine, ct);
            Console.WriteLine($"Generated {result.Organisations} organisations, {result.Staff:N0} staff, {result.Positions:N0} positions, "
                + $"{result.Completions:N0} completions, {result.Exemptions:N0} exemptions in {result.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return generate;
    }

    private static Command Compliance()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Day to compute statuses for (yyyy-MM-dd); default 2026-11-27, the generator's day" };
        var past = new Option<string?>("--past") { Description = "Day of the \"as of\" query; default one year before --as-of" };
        var runs = new Option<int>("--runs") { Description = "Repetitions of each aggregate query", DefaultValueFactory = _ => 200 };
        var baselineOption = new Option<bool>("--no-baseline") { Description = "Skip the SQL baseline" };
        var compliance = new Command("compliance", "Measure the compliance engine (full recompute, incremental update, aggregates, as-of, memory) against the SQL baseline");
        compliance.Options.Add(asOf);
        compliance.Options.Add(past);
        compliance.Options.Add(runs);
        compliance.Options.Add(baselineOption);
        compliance.SetAction(async (parse, ct) =>
        {
            var day = Day(parse.GetValue(asOf));
            var pastDay = parse.GetValue(past) is { } p ? Day(p) : day.AddYears(-1);
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var options = services.GetRequiredService<DatabaseOptions>();
            return await RunAsync(db, options, day, pastDay, Math.Max(5, parse.GetValue(runs)), !parse.GetValue(baselineOption), ct);
        });
        return compliance;
    }

    private static async Task<int> RunAsync(AppDbContext db, DatabaseOptions options, DateOnly day, DateOnly pastDay, int runs, bool withBaseline, CancellationToken ct)
    {
        var log = (string s) => Console.WriteLine(s);
        var sw = Stopwatch.StartNew();
        var engine = await ComplianceEngineLoader.LoadAsync(db, null, ct);
        db.ChangeTracker.Clear();
        log($"Loaded {engine.PeopleCount:N0} staff and {engine.CompletionCount:N0} completions in {sw.Elapsed.TotalSeconds:0.0} s ({engine.PositionKindCount:N0} position kinds).");
        if (engine.PeopleCount == 0)
        {
            Console.Error.WriteLine("No staff in the database: run `careready bench generate --staff N` first.");
            return 1;
        }

        // (a) Full recompute, three times (the first also resolves the profiles).
        var full = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            sw.Restart();
            engine.Recompute(day);
            full.Add(sw.Elapsed.TotalMilliseconds);
        }

        log($"Full recompute: {engine.CellCount:N0} cells, {engine.ProfileCount:N0} profiles; first {full[0]:0} ms (resolves profiles), then {string.Join(" / ", full.Skip(1).Select(x => x.ToString("0", CultureInfo.InvariantCulture)))} ms.");
        var fullMs = Median(full.Skip(1));

        // Units: the first trust, its first ward, everything.
        var trust = engine.OrganisationIds[0];
        var departments = engine.Departments.Where(d => d.OrganisationId == trust).ToList();
        var ward = departments.First(d => d.Kind == DepartmentKind.Ward);

        // (c) Aggregates.
        var wardTimes = Time(runs, () => engine.Summary(EngineUnitKind.Department, ward.Id));
        var trustTimes = Time(runs, () => engine.Summary(EngineUnitKind.Organisation, trust));
        var allTimes = Time(runs, () => engine.Summary(EngineUnitKind.All));

        // (d) As of a past day for the trust.
        var asOfTimes = Time(5, () => engine.AsOf(trust, pastDay));

        // (b) Incremental: a person with something overdue completes it today; time until the trust aggregate shows it.
        var added = new List<(int Staff, int Competency)>();
        var incremental = new List<double>();
        foreach (var staff in engine.StaffOf(trust).ToArray())
        {
            var overdue = engine.CellsOf(staff).FirstOrDefault(c => c.State is Core.Compliance.ComplianceState.Expired or Core.Compliance.ComplianceState.NotStartedOverdue);
            if (overdue == default)
            {
                continue;
            }

            var before = engine.Summary(EngineUnitKind.Organisation, trust);
            sw.Restart();
            engine.AddCompletion(staff, overdue.CompetencyId, day);
            var after = engine.Summary(EngineUnitKind.Organisation, trust);
            incremental.Add(sw.Elapsed.TotalMilliseconds);
            if (after.Overdue >= before.Overdue)
            {
                throw new InvalidOperationException("The new completion did not reach the organisation aggregate.");
            }

            added.Add((staff, overdue.CompetencyId));
            if (added.Count == 20)
            {
                break;
            }
        }

        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        var engineFigures = new Figures(fullMs, Percentile(incremental, 95), Percentile(wardTimes, 95), Percentile(trustTimes, 95),
            Percentile(allTimes, 95), Median(asOfTimes), Math.Round(peakMb));
        var table = new List<string[]> { Header };

        // The same on PostgreSQL with the SQL baseline.
        Figures? sql = null;
        var problems = new List<string>();
        if (withBaseline && options.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(ct);
            var baseline = new SqlBaseline(connection);
            await baseline.PrepareAsync(ct);
            var budget = TimeSpan.FromSeconds(engine.PeopleCount > 100_000 ? 90 : 20);
            var wardPath = ward.Path;

            // (b) incremental: insert the same completions, each followed by the trust aggregate query.
            var sqlIncremental = new List<double>();
            var budgetClock = Stopwatch.StartNew();
            foreach (var (staff, competency) in added)
            {
                sw.Restart();
                await using (var insert = new NpgsqlCommand(
                    "INSERT INTO \"Completions\" (\"OrganisationId\", \"StaffMemberId\", \"CompetencyId\", \"CompletedOn\", \"Source\", \"Reference\", \"RecordedBy\", \"RecordedAt\") "
                    + "VALUES (@o, @s, @c, @d, 1, 'bench-incremental', 'bench', now())", connection))
                {
                    insert.Parameters.AddWithValue("o", trust);
                    insert.Parameters.AddWithValue("s", staff);
                    insert.Parameters.AddWithValue("c", competency);
                    insert.Parameters.AddWithValue("d", day);
                    await insert.ExecuteNonQueryAsync(ct);
                }

                if (sqlIncremental.Count < 5 && budgetClock.Elapsed < budget)
                {
                    await baseline.AggregateAsync(day, trust, null, ct);
                    sqlIncremental.Add(sw.Elapsed.TotalMilliseconds);
                }
            }

            try
            {
                var sqlWard = await TimeAsync(runs, budget, () => baseline.AggregateAsync(day, trust, wardPath, ct));
                var sqlTrust = await TimeAsync(runs, budget, () => baseline.AggregateAsync(day, trust, null, ct));
                var sqlAll = await TimeAsync(runs, budget, () => baseline.AggregateAsync(day, null, null, ct));
                var sqlAsOf = await TimeAsync(5, budget, () => baseline.AggregateAsync(pastDay, trust, null, ct));

                // (a) + results_match: every status, streamed and compared with the engine's.
                sw.Restart();
                var (rows, cellProblems) = await EngineComparison.AllCellsAsync(baseline, engine, day, null, ct);
                var sqlFull = sw.Elapsed.TotalMilliseconds;
                log($"SQL baseline: {rows:N0} statuses streamed and compared in {sqlFull / 1000:0.0} s.");
                problems.AddRange(cellProblems);

                // Aggregates compared: everything, the trust, every department of the trust, and the trust as of the past day.
                problems.AddRange(EngineComparison.SameTotals("all", engine.Summary(EngineUnitKind.All), await baseline.AggregateAsync(day, null, null, ct)));
                problems.AddRange(EngineComparison.SameTotals("trust", engine.Summary(EngineUnitKind.Organisation, trust), await baseline.AggregateAsync(day, trust, null, ct)));
                // The ward and every department above it (each SQL query recomputes the trust, so not all 60-odd of them).
                foreach (var d in departments.Where(d => ward.Path.StartsWith(d.Path, StringComparison.Ordinal)))
                {
                    problems.AddRange(EngineComparison.SameTotals("department " + d.Id, engine.Summary(EngineUnitKind.Department, d.Id),
                        await baseline.AggregateAsync(day, trust, d.Path, ct)));
                }

                var pastUnits = engine.AsOf(trust, pastDay);
                problems.AddRange(EngineComparison.SameTotals("trust as of " + pastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    pastUnits.Single(u => u.Kind == EngineUnitKind.Organisation), await baseline.AggregateAsync(pastDay, trust, null, ct)));
                problems.AddRange(EngineComparison.SameTotals("ward as of past day", pastUnits.Single(u => u.Kind == EngineUnitKind.Department && u.Id == ward.Id),
                    await baseline.AggregateAsync(pastDay, trust, wardPath, ct)));

                sql = new Figures(sqlFull, Percentile(sqlIncremental, 95), Percentile(sqlWard, 95), Percentile(sqlTrust, 95),
                    Percentile(sqlAll, 95), Median(sqlAsOf), null);
                table.Add(Row("full recompute (ms)", full.Skip(1).ToList(), [sqlFull]));
                table.Add(Row("incremental → trust aggregate (ms)", incremental, sqlIncremental));
                table.Add(Row("ward aggregate (ms)", wardTimes, sqlWard));
                table.Add(Row("trust aggregate (ms)", trustTimes, sqlTrust));
                table.Add(Row("all aggregate (ms)", allTimes, sqlAll));
                table.Add(Row("as-of trust (ms)", asOfTimes, sqlAsOf));
            }
            finally
            {
                await using var cleanup = new NpgsqlCommand("DELETE FROM \"Completions\" WHERE \"Reference\" = 'bench-incremental'", connection);
                await cleanup.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            table.Add(Row("full recompute (ms)", full.Skip(1).ToList(), []));
            table.Add(Row("incremental → trust aggregate (ms)", incremental, []));
            table.Add(Row("ward aggregate (ms)", wardTimes, []));
            table.Add(Row("trust aggregate (ms)", trustTimes, []));
            table.Add(Row("all aggregate (ms)", allTimes, []));
            table.Add(Row("as-of trust (ms)", asOfTimes, []));
        }

        // The reference definition itself, for the trust as of the past day (the engine's own view, no SQL).
        sw.Restart();
        var referenceProblems = await EngineComparison.WithReferenceAsync(db, engine, trust, null, pastDay, ct);
        log($"Reference (ComputeComplianceSnapshot) for the trust as of {pastDay:yyyy-MM-dd}: {(referenceProblems.Count == 0 ? "same" : referenceProblems.Count + " differences")} ({sw.Elapsed.TotalSeconds:0.0} s).");
        problems.AddRange(referenceProblems.Take(20));
        table.Add(["peak memory (MB)", engineFigures.PeakMemoryMb!.Value.ToString("0", CultureInfo.InvariantCulture), "", "", "", ""]);

        Print(table);
        foreach (var problem in problems.Take(20))
        {
            log("MISMATCH " + problem);
        }

        double? speedup = sql is null ? null : new[]
        {
            sql.FullRecomputeMs / engineFigures.FullRecomputeMs, sql.IncrementalMs / engineFigures.IncrementalMs,
            sql.WardP95Ms / engineFigures.WardP95Ms, sql.TrustP95Ms / engineFigures.TrustP95Ms,
            sql.AllP95Ms / engineFigures.AllP95Ms, sql.AsOfTrustMs / engineFigures.AsOfTrustMs,
        }.Min();
        var json = new Dictionary<string, object?>
        {
            ["staff"] = engine.PeopleCount,
            ["completions"] = engine.CompletionCount,
            ["full_recompute_ms"] = R(engineFigures.FullRecomputeMs),
            ["incremental_ms"] = R(engineFigures.IncrementalMs),
            ["ward_p95_ms"] = R(engineFigures.WardP95Ms),
            ["trust_p95_ms"] = R(engineFigures.TrustP95Ms),
            ["all_p95_ms"] = R(engineFigures.AllP95Ms),
            ["as_of_trust_ms"] = R(engineFigures.AsOfTrustMs),
            ["peak_memory_mb"] = engineFigures.PeakMemoryMb,
            ["baseline"] = sql is null ? null : new Dictionary<string, object?>
            {
                ["full_recompute_ms"] = R(sql.FullRecomputeMs),
                ["incremental_ms"] = R(sql.IncrementalMs),
                ["ward_p95_ms"] = R(sql.WardP95Ms),
                ["trust_p95_ms"] = R(sql.TrustP95Ms),
                ["all_p95_ms"] = R(sql.AllP95Ms),
                ["as_of_trust_ms"] = R(sql.AsOfTrustMs),
                ["peak_memory_mb"] = null,
            },
            ["speedup_min"] = speedup is double s ? Math.Round(s, 1) : null,
            ["results_match"] = problems.Count == 0,
        };
        Console.WriteLine(JsonSerializer.Serialize(json));
        return problems.Count == 0 ? 0 : 2;
    }

    private static readonly string[] Header = ["measure", "engine p50", "engine p95", "SQL p50", "SQL p95", "ratio"];

    private sealed record Figures(double FullRecomputeMs, double IncrementalMs, double WardP95Ms, double TrustP95Ms, double AllP95Ms, double AsOfTrustMs, double? PeakMemoryMb);

    private static double R(double ms) => Math.Round(ms, ms < 10 ? 3 : 1);

    private static DateOnly Day(string? text) => text is null ? BenchDataGenerator.DefaultToday : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<double> Time(int runs, Action action)
    {
        action(); // warm-up
        var list = new List<double>(runs);
        var sw = new Stopwatch();
        for (var i = 0; i < runs; i++)
        {
            sw.Restart();
            action();
            list.Add(sw.Elapsed.TotalMilliseconds);
        }

        return list;
    }

    private static async Task<List<double>> TimeAsync<T>(int runs, TimeSpan budget, Func<Task<T>> action)
    {
        var list = new List<double>();
        var total = Stopwatch.StartNew();
        var sw = new Stopwatch();
        while (list.Count < runs && (list.Count < 1 || total.Elapsed < budget))
        {
            sw.Restart();
            await action();
            list.Add(sw.Elapsed.TotalMilliseconds);
        }

        return list;
    }

    private static double Median(IEnumerable<double> values) => Percentiles.Median(values.ToList());

    private static double Percentile(List<double> values, int percent) => Percentiles.Of(values, percent);

    private static string[] Row(string name, List<double> engine, List<double> sql)
    {
        static string F(double v) => double.IsNaN(v) ? "" : v < 10 ? v.ToString("0.000", CultureInfo.InvariantCulture) : v.ToString("0", CultureInfo.InvariantCulture);
        var e50 = Percentile(engine, 50);
        var e95 = Percentile(engine, 95);
        var s50 = sql.Count == 0 ? double.NaN : Percentile(sql, 50);
        var s95 = sql.Count == 0 ? double.NaN : Percentile(sql, 95);
        var ratio = sql.Count == 0 ? "" : (s95 / e95).ToString("0", CultureInfo.InvariantCulture) + "×";
        return [name, F(e50), F(e95), F(s50), F(s95) + (sql.Count is > 0 and < 5 ? $" (n={sql.Count})" : ""), ratio];
    }

    private static void Print(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))) + " |");
            if (i == 0)
            {
                Console.WriteLine("|" + string.Join("|", widths.Select((w, c) => c == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
            }
        }
    }
}
