using System.Diagnostics;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Core.Analytics.Bench;

/// <summary>The dashboard benchmark's figures (milliseconds unless named otherwise).</summary>
/// <param name="NationalColdMs">The first national heatmap: every trust's engine loaded (side by side) and today computed.</param>
/// <param name="TrustFirstMs">Median of each sampled trust's first dashboard once its engine is held (12 month-ends computed).</param>
/// <param name="TrustColdMs">Median of a trust dashboard when its engine is not held yet (loaded in the request).</param>
/// <param name="TrustP50Ms">Trust dashboards after that (the steady state: engines reloaded in the background), median.</param>
public sealed record DashboardFigures(int Staff, int Trusts, int SampledTrusts, double NationalColdMs, double NationalP50Ms, double NationalP95Ms,
    double TrustColdMs, double TrustFirstMs, double TrustP50Ms, double TrustP95Ms, long PeakWorkingSetMb, bool ResultsMatch, IReadOnlyList<string> Problems);

/// <summary>
/// <c>careready bench dashboards</c>: the leadership dashboard of a trust (as its executive sees it, every chart) and
/// the national heatmap, measured through the same services the pages use, on data from <c>bench generate</c>.
/// Checks that each sampled trust's row of the national heatmap equals that trust's dashboard (organisation-wide,
/// today) and that the national total adds the rows up.
/// </summary>
public static class DashboardBenchmark
{
    public static async Task<DashboardFigures> RunAsync(IServiceProvider services, int sample, int runs, int seed, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(log);
        var history = services.GetRequiredService<ComplianceHistory>();
        int staff;
        List<int> trusts;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            staff = await db.Staff.CountAsync(ct);
            trusts = await db.Staff.Select(s => s.OrganisationId).Distinct().OrderBy(o => o).ToListAsync(ct);
        }

        if (trusts.Count == 0)
        {
            throw new InvalidOperationException("No staff in the database: run `careready bench generate --staff N` first.");
        }

        var national = new AccessScope("bench-national", trusts[0], false, new HashSet<int>(), null, new HashSet<string> { Roles.NationalAnalyst });
        async Task<(double Ms, NationalHeatmapView View)> NationalAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var sw = Stopwatch.StartNew();
            var view = await scope.ServiceProvider.GetRequiredService<NationalHeatmap>().BuildAsync(national, ct);
            return (sw.Elapsed.TotalMilliseconds, view);
        }

        async Task<(double Ms, Dashboard Dashboard)> TrustAsync(int organisationId)
        {
            await using var scope = services.CreateAsyncScope();
            var executive = new AccessScope("bench-executive", organisationId, false, new HashSet<int>(), null, new HashSet<string> { Roles.Executive });
            var sw = Stopwatch.StartNew();
            var dashboard = await scope.ServiceProvider.GetRequiredService<LeadershipDashboard>().BuildAsync(executive, null, ct);
            return (sw.Elapsed.TotalMilliseconds, dashboard);
        }

        var random = new Random(seed);
        var shuffled = trusts.OrderBy(_ => random.Next()).ToList();
        var coldTrusts = shuffled.Take(Math.Min(3, Math.Max(1, shuffled.Count - sample))).ToList();
        var sampled = shuffled.Except(coldTrusts).Take(sample).ToList();
        if (sampled.Count == 0)
        {
            sampled = coldTrusts;
        }

        var problems = new List<string>();

        // A trust whose engine is not held yet: the request loads it (only the first visitor after start-up waits).
        var cold = new List<double>();
        foreach (var org in coldTrusts)
        {
            cold.Add((await TrustAsync(org)).Ms);
            log($"Trust {org}: cold dashboard {cold[^1]:N0} ms");
        }

        var (nationalColdMs, first) = await NationalAsync();
        log($"National heatmap, first: {nationalColdMs:N0} ms ({first.Organisations.Count} organisations, {first.Total.People:N0} people)");
        var nationalRuns = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            nationalRuns.Add((await NationalAsync()).Ms);
        }

        var firstVisits = new List<double>();
        var warm = new List<double>();
        foreach (var org in sampled)
        {
            var (ms, dashboard) = await TrustAsync(org);
            if (!coldTrusts.Contains(org))
            {
                firstVisits.Add(ms);
            }

            for (var i = 0; i < runs; i++)
            {
                warm.Add((await TrustAsync(org)).Ms);
            }

            // The national row is the trust's own dashboard: organisation-wide compliance today.
            var row = first.Organisations.Single(r => r.Id == org);
            var own = dashboard.Trend[^1].BySubject.Where(x => first.Subjects.Any(s => s.Id == x.Key)).OrderBy(x => x.Key).ToList();
            if (!own.SequenceEqual(row.BySubject.OrderBy(x => x.Key)))
            {
                problems.Add($"trust {org}: national row differs from its dashboard");
            }
        }

        foreach (var subject in first.Subjects)
        {
            var required = first.Organisations.Sum(r => r.BySubject.TryGetValue(subject.Id, out var f) ? f.Required : 0);
            if (first.Total.BySubject[subject.Id].Required != required)
            {
                problems.Add($"subject {subject.Code}: the national total does not add up");
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new DashboardFigures(staff, trusts.Count, sampled.Count, nationalColdMs, Percentiles.Median(nationalRuns), Percentiles.Of(nationalRuns, 95),
            Percentiles.Median(cold), Percentiles.Median(firstVisits), Percentiles.Median(warm), Percentiles.Of(warm, 95),
            process.PeakWorkingSet64 / (1024 * 1024), problems.Count == 0, problems);
    }
}
