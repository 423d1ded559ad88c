using System.Diagnostics;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareReady.Core.Regulation.Bench;

/// <param name="PreviewMs">The national impact preview (every trust in one pass, what a national analyst waits for): median of five.</param>
/// <param name="PreviewFirstMs">The first national preview of the run.</param>
/// <param name="PreviewAllTrustsMs">Every trust's own impact preview, wall clock (trusts run a few at a time, each on its own connection).</param>
/// <param name="ApplyMs">Applying it in every trust, one transaction per trust, wall clock.</param>
/// <param name="ReaderP95BeforeMs">A person's compliance profile (the page a manager or learner opens), p95 with nothing else running.</param>
/// <param name="ReaderP95DuringMs">The same reads while the apply runs.</param>
/// <param name="Checked">Trusts whose statuses after the apply were compared: engine vs reference calculator vs SQL baseline.</param>
public sealed record ChangeBenchmarkResult(
    int Staff, int Trusts, int Affected, double PreviewMs, double PreviewFirstMs, double PreviewAllTrustsMs, double PreviewTrustMedianMs, double ApplyMs, double ApplyTrustMedianMs,
    double ReaderP95BeforeMs, double ReaderP95DuringMs, int ReadsDuring, int Checked, bool ResultsMatch, IReadOnlyList<string> Problems);

/// <summary>
/// <c>careready bench change</c>: a change to the guideline behind a framework-wide subject, previewed and
/// applied in every benchmark trust, with a reader opening people's profiles throughout; afterwards the
/// capped statuses are checked three ways for some trusts, and everything the run wrote is removed.
/// </summary>
public static class ChangeBenchmark
{
    public static async Task<ChangeBenchmarkResult> RunAsync(DatabaseOptions options, DateOnly day, int months, int check, int parallel, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        var clock = new FixedClock(day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
        await using var db = DatabaseSetup.CreateContext(options);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var organisations = await ChangeBenchmarkSetup.PrepareAsync(db, day, months, log, ct);
        var staff = await db.Staff.CountAsync(s => organisations.Contains(s.OrganisationId), ct);
        var scopes = organisations.ToDictionary(o => o, o => new AccessScope("bench", o, true, new HashSet<int>(), null, new HashSet<string> { Roles.ComplianceLead }));

        // Propose the change in every trust (not timed: a person types it in once, or a feed brings it).
        var changes = new Dictionary<int, int>();
        foreach (var org in organisations)
        {
            var input = new ChangeInput(ChangeBenchmarkSetup.Source, null, "2025-26", "Data security guideline 2025-26", "Benchmark change.", ChangeSeverity.Recertify, day);
            var saved = await new ProposeChange(db, clock).RunAsync(scopes[org], input, "bench", ct);
            changes[org] = saved?.Id ?? throw new InvalidOperationException("The benchmark change was not proposed: " + string.Join("; ", saved?.Errors.Values ?? []));
            db.ChangeTracker.Clear();
        }

        // Preview in every trust, `parallel` trusts at a time (each on its own connection).
        var previews = new System.Collections.Concurrent.ConcurrentBag<double>();
        var predicted = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var previewAll = Stopwatch.StartNew();
        await Parallel.ForEachAsync(organisations, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (org, token) =>
        {
            await using var worker = DatabaseSetup.CreateContext(options);
            var sw = Stopwatch.StartNew();
            var impact = await new PreviewChange(worker, clock).RunAsync(scopes[org], changes[org], token) ?? throw new InvalidOperationException("No preview.");
            previews.Add(sw.Elapsed.TotalMilliseconds);
            predicted[org] = impact.Certifications;
        });
        var previewMs = previewAll.Elapsed.TotalMilliseconds;

        // The national preview: every trust at once; each trust's row must be that trust's own preview.
        var problems = new List<string>();
        var national = new List<double>();
        var analyst = new AccessScope("bench", organisations[0], true, new HashSet<int>(), null, new HashSet<string> { Roles.NationalAnalyst });
        NationalChangeImpact? nationalImpact = null;
        for (var i = 0; i < 5; i++)
        {
            await using var worker = DatabaseSetup.CreateContext(options);
            var sw = Stopwatch.StartNew();
            nationalImpact = await new PreviewNationalChange(worker, clock).RunAsync(analyst, ChangeBenchmarkSetup.Source, ChangeBenchmarkSetup.Version, ct);
            national.Add(sw.Elapsed.TotalMilliseconds);
        }

        foreach (var row in nationalImpact!.ByOrganisation.Where(r => predicted.GetValueOrDefault(r.Id) != r.Certifications))
        {
            problems.Add($"trust {row.Id}: national preview {row.Certifications}, own preview {predicted.GetValueOrDefault(row.Id)}");
        }

        log($"National preview: {nationalImpact.Certifications:N0} certifications of {nationalImpact.People:N0} people in {nationalImpact.ByOrganisation.Count} trusts; first {national[0]:N0} ms, median {Median(national):N0} ms.");
        log($"Preview: {predicted.Values.Sum():N0} certifications rest on the old version across {organisations.Count} trusts; {previewMs:N0} ms in all ({parallel} at a time), median {Median([.. previews]):0} ms per trust.");

        // A reader opening people's profiles: alone first, then while the change is applied.
        var people = await db.Staff.Where(s => organisations.Contains(s.OrganisationId) && s.LeavingDate == null)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.OrganisationId }).Take(200_000).ToListAsync(ct);
        var random = new Random(7);
        async Task<List<double>> ReadAsync(Func<bool> more)
        {
            await using var reader = DatabaseSetup.CreateContext(options);
            var times = new List<double>();
            while (more())
            {
                var p = people[random.Next(people.Count)];
                var sw = Stopwatch.StartNew();
                _ = await new GetPersonProfile(reader, clock).RunAsync(scopes[p.OrganisationId], p.Id, ct);
                times.Add(sw.Elapsed.TotalMilliseconds);
                reader.ChangeTracker.Clear();
            }

            return times;
        }

        var quiet = Stopwatch.StartNew();
        var before = await ReadAsync(() => quiet.Elapsed < TimeSpan.FromSeconds(10));
        var applying = true;
        var during = Task.Run(() => ReadAsync(() => Volatile.Read(ref applying)), ct);
        var applies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var total = Stopwatch.StartNew();
        var affected = 0;
        await Parallel.ForEachAsync(organisations, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (org, token) =>
        {
            await using var worker = DatabaseSetup.CreateContext(options);
            var sw = Stopwatch.StartNew();
            var result = await new ApplyChange(worker, clock).RunAsync(scopes[org], changes[org], new ApplyInput(ChangeAction.RequireUpdate, day.AddMonths(3)), "bench", token);
            applies.Add(sw.Elapsed.TotalMilliseconds);
            if (result is not { Succeeded: true })
            {
                throw new InvalidOperationException("The benchmark change was not applied: " + string.Join("; ", result?.Errors.Values ?? []));
            }
        });

        var applyMs = total.Elapsed.TotalMilliseconds;
        Volatile.Write(ref applying, false);
        var reads = await during;
        foreach (var org in organisations)
        {
            var written = await db.RegulatoryChanges.Where(c => c.Id == changes[org]).Select(c => c.AffectedCount).SingleAsync(ct);
            affected += written;
            if (written != predicted[org])
            {
                problems.Add($"trust {org}: preview {predicted[org]}, applied {written}");
            }
        }

        log($"Apply: {affected:N0} certifications capped in {applyMs:N0} ms ({parallel} at a time; median {Median([.. applies]):0} ms per trust); reader p95 {P95(before):0.0} ms alone, {P95(reads):0.0} ms during the apply ({reads.Count} reads).");

        // After the apply the three definitions of compliance must still agree, caps included.
        var checkedTrusts = organisations.Take(check).ToList();
        foreach (var org in checkedTrusts)
        {
            var engine = await ComplianceEngineLoader.LoadAsync(db, [org], ct);
            engine.Recompute(day);
            problems.AddRange(await EngineComparison.WithReferenceAsync(db, engine, org, null, day, ct));
            if (db.Database.GetDbConnection() is NpgsqlConnection connection)
            {
                await db.Database.OpenConnectionAsync(ct);
                var baseline = new SqlBaseline(connection);
                await baseline.PrepareAsync(ct);
                problems.AddRange((await EngineComparison.AllCellsAsync(baseline, engine, day, org, ct)).Problems);
            }

            db.ChangeTracker.Clear();
        }

        log(problems.Count == 0 ? $"Checked {checkedTrusts.Count} trust(s): engine, reference and SQL baseline agree after the apply." : "Differences: " + string.Join("; ", problems.Take(5)));
        await ChangeBenchmarkSetup.CleanUpAsync(db, ct);
        return new ChangeBenchmarkResult(staff, organisations.Count, affected, Median(national), national[0], previewMs, Median([.. previews]), applyMs, Median([.. applies]),
            P95(before), P95(reads), reads.Count, checkedTrusts.Count, problems.Count == 0, problems);
    }

    private static double Median(List<double> xs) => xs.Count == 0 ? 0 : xs.Order().ElementAt(xs.Count / 2);

    private static double P95(List<double> xs) => xs.Count == 0 ? 0 : xs.Order().ElementAt(Math.Min(xs.Count - 1, (int)Math.Ceiling(xs.Count * 0.95) - 1));
}
