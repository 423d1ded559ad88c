using System.Diagnostics;
using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Mastery;
using CareReady.Core.Pathways.Plan;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareReady.Cli;

/// <summary>How long one person's plan takes: the first visit (which creates their refresher cards) and every visit after.</summary>
/// <param name="CpuP95Ms">The process's CPU time per plan (all threads), p95: what the plan costs when the machine is shared and wall-clock time includes waiting for a core.</param>
public sealed record PlanTiming(
    int Staff, int People, double SeedSeconds, double FirstP50Ms, double FirstP95Ms, double P50Ms, double P95Ms, double MaxMs, double CpuP50Ms, double CpuP95Ms, double ItemsPerPlan, int Cards);

/// <summary>
/// Loads the demo organisation into a fresh SQLite database in a temporary folder, then computes the
/// plan for a sample of its people, each in its own scope and DbContext as a web request would:
/// once (their first visit creates their refresher cards) and again (every later visit).
/// </summary>
public static class BenchPlanTiming
{
    public static async Task<PlanTiming> RunAsync(int staff, int people, int seed, Action<string> log, CancellationToken ct = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "careready-plan-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton(TimeProvider.System);
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None));
            services.AddCareReadyDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "plan.db")}"));
            services.AddCareReadyAudit(AuditContext.CliActor);
            services.AddIdentityCore<AppUser>(AccountPolicy.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
            services.AddSingleton<OrganisationMastery>();
            services.AddSingleton<CareReady.Core.Pathways.PathwayReferenceCache>();
            services.AddScoped<GetPersonProfile>();
            services.AddScoped<ListModules>();
            services.AddScoped<SyncRefresherCards>();
            services.AddScoped<GetPlan>();
            await using var provider = services.BuildServiceProvider();

            var seeding = Stopwatch.StartNew();
            int organisationId;
            List<int> sample;
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await DatabaseMigrator.MigrateAsync(db, ct);
                var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
                var result = await DemoSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                    new DemoOptions(DemoOptions.DefaultSeed, staff, today, DemoOptions.DefaultPassword), ct);
                organisationId = result.OrganisationId;
                var ids = await db.Staff.Where(s => s.OrganisationId == organisationId).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
                var random = new Random(seed);
                sample = [.. ids.OrderBy(_ => random.Next()).Take(people)];
            }

            log($"demo organisation loaded into SQLite: {staff:N0} staff in {seeding.Elapsed.TotalSeconds:0.0} s; timing {sample.Count:N0} plans");
            var access = new AccessScope("bench", organisationId, true, new HashSet<int>(), null, new HashSet<string>(StringComparer.Ordinal) { Roles.ComplianceLead });
            var first = await TimeAsync(provider, access, sample, ct);
            var again = await TimeAsync(provider, access, sample, ct);
            int cards;
            await using (var scope = provider.CreateAsyncScope())
            {
                cards = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RefresherCards.CountAsync(ct);
            }

            return new PlanTiming(staff, sample.Count, seeding.Elapsed.TotalSeconds, Percentile(first.Ms, 0.5), Percentile(first.Ms, 0.95),
                Percentile(again.Ms, 0.5), Percentile(again.Ms, 0.95), again.Ms.Max(), Percentile(again.Cpu, 0.5), Percentile(again.Cpu, 0.95), again.Items / (double)Math.Max(1, sample.Count), cards);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(List<double> Ms, List<double> Cpu, int Items)> TimeAsync(ServiceProvider provider, AccessScope access, List<int> sample, CancellationToken ct)
    {
        var times = new List<double>(sample.Count);
        var cpu = new List<double>(sample.Count);
        var items = 0;
        foreach (var person in sample)
        {
            await using var scope = provider.CreateAsyncScope();
            var plan = scope.ServiceProvider.GetRequiredService<GetPlan>();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var sw = Stopwatch.StartNew();
            var result = await plan.RunAsync(access, person, ct) ?? throw new InvalidOperationException("A demo person has no plan.");
            times.Add(sw.Elapsed.TotalMilliseconds);
            cpu.Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
            items += result.Items.Count;
        }

        return (times, cpu, items);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
