using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Core.Xapi;
using CareReady.Core.Xapi.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready bench lrs --statements N --url http://127.0.0.1:5080</c>: fills the LRS of a running CareReady
/// (same database as this command) with N generated statements over HTTP in batches of 100, then measures
/// POST throughput for batches of 1, 10 and 100 (after a 5 s warm-up), single-statement POST p95 at 32 clients, and GET p95 by agent,
/// by activity+since and by registration. After a fill it runs VACUUM (ANALYZE) on the statement tables (ANALYZE on
/// SQLite) so the timed runs do not race autovacuum. Prints one JSON object as its last line.
/// </summary>
public static class BenchLrsCommand
{
    private const string BenchOrg = "LRSBENCH";

    public static Command Create()
    {
        var statements = new Option<int>("--statements") { Description = "Statements in the store before the timed runs", DefaultValueFactory = _ => 100_000 };
        var url = new Option<string>("--url") { Description = "Base address of the running web app (on the same database)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var seconds = new Option<int>("--seconds") { Description = "Length of each timed POST run", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 1 };
        var peer = new Option<string?>("--peer") { Description = "Folder where the npm package xapi-statements is installed (bench/lrs-peer): run the same measures against it, in memory, for the ratio" };
        var peerPort = new Option<int>("--peer-port") { Description = "Port for the peer", DefaultValueFactory = _ => 18080 };
        var clients100 = new Option<int>("--batch100-clients") { Description = "Concurrent clients of the batch-100 run", DefaultValueFactory = _ => 4 };
        var command = new Command("lrs", "Measure the xAPI LRS over HTTP (POST batches 1/10/100, GET p95) against a running CareReady");
        foreach (var option in new Option[] { statements, url, seconds, seed, peer, peerPort, clients100 })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(statements);
            var runSeconds = Math.Max(2, parse.GetValue(seconds));
            var batch100Clients = Math.Clamp(parse.GetValue(clients100), 1, 64);
            var learners = Math.Max(100, n / 50);
            var courses = Math.Max(20, Math.Min(2_000, n / 500));
            var generator = new StatementGenerator(parse.GetValue(seed), learners, courses);

            string provider;
            LrsCredentials credentials;
            long existing;
            TimeProvider time;
            await using (var services = CliHost.Build())
            {
                time = services.GetRequiredService<TimeProvider>();
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await DatabaseMigrator.MigrateAsync(db, ct);
                // Counting a store of ten million statements whose pages are not cached takes longer than the default 30 s.
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                provider = db.Database.IsNpgsql() ? "Postgres" : "Sqlite";
                var org = await db.Organisations.FirstOrDefaultAsync(o => o.Code == BenchOrg, ct);
                if (org is null)
                {
                    org = new Organisation { Code = BenchOrg, Name = "LRS benchmark" };
                    db.Organisations.Add(org);
                    await db.SaveChangesAsync(ct);
                }

                credentials = await new CreateLrsClient(db, time).RunAsync(new CreateLrsClientInput(org.Id, "bench", true, true), "bench", ct);
                existing = await CountStatementsAsync(db, org.Id, ct);
            }

            using var http = Client(parse.GetValue(url)!, credentials.Key + ":" + credentials.Secret);
            // After a fill, vacuum and analyse before the timed runs (as autovacuum would, but not during them).
            async Task SettleAsync()
            {
                await using var services = CliHost.Build();
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                var clock = Stopwatch.StartNew();
                await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM (ANALYZE) \"XapiStatements\", \"XapiStatementRefs\"" : "ANALYZE", ct);
                Console.WriteLine($"Vacuumed and analysed in {clock.Elapsed.TotalSeconds:0.0} s.");
            }

            var ours = await SuiteAsync(http, "xapi/", generator, Math.Max(0, n - existing), runSeconds, batch100Clients, time, SettleAsync, ct);

            JsonObject? peerFigures = null;
            if (parse.GetValue(peer) is { } peerDir)
            {
                // The same statements (same seed), the same runs, against Learning Locker's statements service in memory.
                var peerGenerator = new StatementGenerator(parse.GetValue(seed), learners, courses);
                using var peerProcess = await LrsPeer.StartAsync(peerDir, parse.GetValue(peerPort), ct);
                using var peerHttp = Client($"http://127.0.0.1:{parse.GetValue(peerPort)}", "bench:bench");
                Console.WriteLine("Peer: xapi-statements (in memory).");
                peerFigures = Figures(await SuiteAsync(peerHttp, "xAPI/", peerGenerator, n, runSeconds, batch100Clients, time, settle: null, ct));
            }

            var result = Figures(ours);
            result.Insert(0, "store_statements", Math.Max(n, existing));
            result["peer"] = peerFigures;
            result["provider"] = provider;
            if (peerFigures is not null)
            {
                result["ratio_ours_to_peer"] = new JsonObject
                {
                    ["batch1"] = Ratio(ours.Batch1.PerSecond, peerFigures["post_per_s"]!["batch1"]!.GetValue<double>()),
                    ["batch10"] = Ratio(ours.Batch10.PerSecond, peerFigures["post_per_s"]!["batch10"]!.GetValue<double>()),
                    ["batch100"] = Ratio(ours.Batch100.PerSecond, peerFigures["post_per_s"]!["batch100"]!.GetValue<double>()),
                    ["get_agent_speedup"] = Ratio(peerFigures["get_p95_ms"]!["agent"]!.GetValue<double>(), ours.Agent),
                    ["get_activity_since_speedup"] = Ratio(peerFigures["get_p95_ms"]!["activity_since"]!.GetValue<double>(), ours.ActivitySince),
                    ["get_registration_speedup"] = Ratio(peerFigures["get_p95_ms"]!["registration"]!.GetValue<double>(), ours.Registration),
                };
            }

            Console.WriteLine(result.ToJsonString());
            return 0;
        });
        return command;
    }

    private static double Ratio(double a, double b) => b <= 0 ? 0 : Math.Round(a / b, 2);

    private static HttpClient Client(string baseUrl, string keySecret)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(keySecret)));
        http.DefaultRequestHeaders.Add(XapiVersions.Header, "1.0.3");
        return http;
    }

    private sealed record SuiteResult(RunResult Batch1, RunResult Batch10, RunResult Batch100, double Agent, double ActivitySince, double Registration);

    private static JsonObject Figures(SuiteResult r) => new()
    {
        ["post_per_s"] = new JsonObject { ["batch1"] = Math.Round(r.Batch1.PerSecond), ["batch10"] = Math.Round(r.Batch10.PerSecond), ["batch100"] = Math.Round(r.Batch100.PerSecond) },
        ["post_single_p95_ms"] = Math.Round(r.Batch1.P95, 1),
        ["get_p95_ms"] = new JsonObject { ["agent"] = Math.Round(r.Agent, 1), ["activity_since"] = Math.Round(r.ActivitySince, 1), ["registration"] = Math.Round(r.Registration, 1) },
    };

    /// <summary>
    /// Fills the store with <paramref name="toFill"/> statements (batches of 100, 4 clients), lets <paramref name="settle"/>
    /// tidy the store after a fill, then the timed POST and GET runs.
    /// </summary>
    private static async Task<SuiteResult> SuiteAsync(HttpClient http, string prefix, StatementGenerator generator, long toFill, int runSeconds, int batch100Clients, TimeProvider time,
        Func<Task>? settle, CancellationToken ct)
    {
        var statementsPath = prefix + "statements";
        Console.WriteLine($"Adding {toFill:N0} statements.");
        var fillClock = Stopwatch.StartNew();
        var batches = (int)((toFill + 99) / 100);
        var next = 0;
        var generatorLock = new object();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= batches)
            {
                JsonArray batch;
                lock (generatorLock)
                {
                    batch = new JsonArray(Enumerable.Range(0, 100).Select(_ => (JsonNode)generator.Next()).ToArray());
                }

                await PostAsync(http, statementsPath, batch, ct);
            }
        }));
        var fillRate = toFill == 0 ? 0 : toFill / fillClock.Elapsed.TotalSeconds;
        Console.WriteLine($"Filled in {fillClock.Elapsed.TotalSeconds:0.0} s ({fillRate:0} statements/s).");
        if (toFill > 0 && settle is not null)
        {
            await settle();
        }

        // Warm-up, not timed: the server's JIT and caches settle whether or not the store was just filled.
        await PostRunAsync(http, statementsPath, generator, generatorLock, 10, 8, 5, ct);
        var batch100 = await PostRunAsync(http, statementsPath, generator, generatorLock, 100, batch100Clients, runSeconds, ct);
        var batch10 = await PostRunAsync(http, statementsPath, generator, generatorLock, 10, 8, runSeconds, ct);
        var batch1 = await PostRunAsync(http, statementsPath, generator, generatorLock, 1, 32, runSeconds, ct);
        Console.WriteLine($"POST statements/s: batch100 {batch100.PerSecond:0} ({batch100Clients} clients), batch10 {batch10.PerSecond:0}, batch1 {batch1.PerSecond:0} (p95 {batch1.P95:0.0} ms at 32 clients)");

        var agentP95 = await GetRunAsync(http, () => statementsPath + "?limit=10&agent=" + Uri.EscapeDataString(StatementGenerator.Agent(generator.RandomLearner()).ToJsonString()), ct);
        var sinceText = Uri.EscapeDataString(time.GetUtcNow().UtcDateTime.AddMinutes(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var activityP95 = await GetRunAsync(http, () => $"{statementsPath}?limit=10&since={sinceText}&activity=" + Uri.EscapeDataString(StatementGenerator.Module(generator.RandomCourse(), 0)), ct);
        var registrationP95 = await GetRunAsync(http, () => statementsPath + "?limit=10&registration=" + StatementGenerator.Registration(generator.RandomLearner(), generator.RandomCourse()), ct);
        Console.WriteLine($"GET p95 ms: agent {agentP95:0.0}, activity+since {activityP95:0.0}, registration {registrationP95:0.0}");
        return new SuiteResult(batch1, batch10, batch100, agentP95, activityP95, registrationP95);
    }

    /// <summary>
    /// The bench organisation's statements. On PostgreSQL they are not counted row by row: a count of ten million visits
    /// every heap page autovacuum has not yet marked all-visible (minutes of work after a few million inserts), and it
    /// pushes the indexes the timed runs write to out of the operating system's cache, so every run after it was cold.
    /// Seq has no gaps — the writer gives each statement the last one + 1 under its lock and statements are never
    /// deleted — so the store's size is read from the two ends of the Seq index, less any other organisation's
    /// statements (none in a bench database; two range scans of the key).
    /// </summary>
    private static async Task<long> CountStatementsAsync(AppDbContext db, int organisationId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.XapiStatements.LongCountAsync(s => s.OrganisationId == organisationId, ct);
        }

        var first = await db.XapiStatements.MinAsync(s => (long?)s.Seq, ct);
        var last = await db.XapiStatements.MaxAsync(s => (long?)s.Seq, ct);
        if (first is null || last is null)
        {
            return 0;
        }

        var others = await db.XapiStatements.LongCountAsync(s => s.OrganisationId < organisationId, ct)
            + await db.XapiStatements.LongCountAsync(s => s.OrganisationId > organisationId, ct);
        return last.Value - first.Value + 1 - others;
    }

    private sealed record RunResult(double PerSecond, double P95);

    private static Task PostAsync(HttpClient http, string path, JsonNode body, CancellationToken ct) =>
        PostAsync(http, path, Encoding.UTF8.GetBytes(body.ToJsonString()), ct);

    private static async Task PostAsync(HttpClient http, string path, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.PostAsync(path, content, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST statements: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>Most requests a timed run is expected to send: their bodies are made before the clock starts.</summary>
    private const int PreparedStatementsPerSecond = 10_000;

    private static async Task<RunResult> PostRunAsync(HttpClient http, string path, StatementGenerator generator, object generatorLock, int batchSize, int clients, int seconds, CancellationToken ct)
    {
        // The load generator shares the cores with the server: bodies are generated and serialised before the timed
        // run (more are made during it only if these run out), so it spends its CPU on sending.
        var prepared = new ConcurrentQueue<byte[]>();
        lock (generatorLock)
        {
            for (var i = 0; i < PreparedStatementsPerSecond * seconds / batchSize; i++)
            {
                prepared.Enqueue(Body(generator, batchSize));
            }
        }

        var latencies = new ConcurrentBag<double>();
        long stored = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < end)
            {
                if (!prepared.TryDequeue(out var body))
                {
                    lock (generatorLock)
                    {
                        body = Body(generator, batchSize);
                    }
                }

                var started = Stopwatch.GetTimestamp();
                await PostAsync(http, path, body, ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Add(ref stored, batchSize);
            }
        }));
        return new RunResult(stored / clock.Elapsed.TotalSeconds, P95(latencies));
    }

    private static byte[] Body(StatementGenerator generator, int batchSize) => Encoding.UTF8.GetBytes((batchSize == 1
        ? (JsonNode)generator.Next()
        : new JsonArray(Enumerable.Range(0, batchSize).Select(_ => (JsonNode)generator.Next()).ToArray())).ToJsonString());

    private static async Task<double> GetRunAsync(HttpClient http, Func<string> query, CancellationToken ct)
    {
        var latencies = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(query(), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET: {(int)response.StatusCode} {body}");
            }

            if (i >= 20)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return P95(latencies);
    }

    private static double P95(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.95) - 1)];
    }
}
