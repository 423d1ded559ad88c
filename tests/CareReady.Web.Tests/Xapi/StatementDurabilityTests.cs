using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using CareReady.Core.Workforce;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// A statement the LRS answered 200 for survives a crash of the database (ADR 0027: a large plain group commits without
/// waiting for the disk, and its requests are answered only after the flush). On a cluster of the test's own with
/// PostgreSQL's durable defaults — the shared test cluster turns synchronous_commit off for speed. A crash of PostgreSQL's
/// processes keeps what was written to the operating system, so the flush itself is checked with the WAL writer stopped:
/// the group's WAL then stays in shared memory unless the LRS has it flushed before answering.
/// </summary>
public sealed class StatementDurabilityTests
{
    private const int AnsweredBeforeCrash = 600;

    [Fact]
    public async Task A_large_group_committed_without_waiting_for_the_disk_is_answered_only_once_it_is_flushed()
    {
        await using var cluster = await OwnPostgresCluster.StartAsync();
        var database = new DatabaseOptions(DatabaseProvider.Postgres, cluster.ConnectionString("careready"));
        var batch = new JsonArray([.. Enumerable.Range(0, 100).Select(_ => Lrs.Statement())]);
        await using (var app = TestApp.Restart(database))
        {
            using var paths = new GroupPaths(app.Services.GetRequiredService<IMeterFactory>());
            var client = await Lrs.ClientAsync(app, await OrganisationAsync(app));
            await Lrs.PostOkAsync(client, Lrs.Statement()); // the first group after start-up takes the checked path
            await cluster.PauseWalWriterAsync();
            await Lrs.PostOkAsync(client, batch); // one round trip, committed with synchronous_commit off
            await cluster.CrashAsync();
            Assert.Equal([XapiMetrics.Checked, XapiMetrics.OneRoundTrip], paths.Taken);
        }

        await cluster.StartServerAsync();
        var ids = batch.Select(s => Guid.Parse(s!["id"]!.GetValue<string>())).ToArray();
        var stored = await StoredAsync(cluster, ids);
        Assert.True(stored.Count == ids.Length, $"{ids.Length - stored.Count} of the {ids.Length} statements answered 200 were lost in the crash");
    }

    [Fact]
    public async Task Every_statement_answered_200_survives_a_crash_of_the_database()
    {
        await using var cluster = await OwnPostgresCluster.StartAsync();
        var database = new DatabaseOptions(DatabaseProvider.Postgres, cluster.ConnectionString("careready"));
        var answered = new ConcurrentBag<Guid>();
        await using (var app = TestApp.Restart(database))
        {
            var organisationId = await OrganisationAsync(app);
            using var stop = new CancellationTokenSource();
            var posting = new List<Task>();
            for (var c = 0; c < 10; c++)
            {
                var client = await Lrs.ClientAsync(app, organisationId);
                var batch = c < 2;
                posting.Add(Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var statements = Enumerable.Range(0, batch ? 100 : 1).Select(_ => Lrs.Statement()).ToList();
                        JsonNode body = batch ? new JsonArray([.. statements]) : statements[0];
                        var response = await Lrs.PostAsync(client, body);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            statements.ForEach(s => answered.Add(Guid.Parse(s["id"]!.GetValue<string>())));
                        }
                    }
                }));
            }

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (answered.Count < AnsweredBeforeCrash && DateTime.UtcNow < deadline && !posting.Any(t => t.IsFaulted))
            {
                await Task.Delay(5);
            }

            await cluster.CrashAsync(); // while requests are in flight
            await stop.CancelAsync();
            await Task.WhenAll(posting);
        }

        Assert.True(answered.Count >= AnsweredBeforeCrash, $"only {answered.Count} statements were answered before the crash");
        await cluster.StartServerAsync();
        var ids = answered.ToArray();
        var stored = await StoredAsync(cluster, ids);
        var lost = ids.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {ids.Length} statements answered 200 were lost in the crash");
    }

    private static async Task<int> OrganisationAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        var organisation = new Organisation { Code = "DUR", Name = "Durability Test Trust" };
        db.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private static async Task<HashSet<Guid>> StoredAsync(OwnPostgresCluster cluster, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("careready") + ";Pooling=false");
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT "StatementId" FROM "XapiStatements" WHERE "StatementId" = ANY(@ids)""", connection);
        query.Parameters.AddWithValue("ids", ids);
        var stored = new HashSet<Guid>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetGuid(0));
        }

        return stored;
    }
}
