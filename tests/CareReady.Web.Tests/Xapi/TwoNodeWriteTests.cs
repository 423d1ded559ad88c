using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// Two web nodes on one PostgreSQL database writing at the same time — single statements and batches of 100, so each
/// node's writer pipelines groups while the other's writes land in between. Every statement is stored once, the store's
/// order has no gap and its stored time never decreases. PostgreSQL only: several nodes share a PostgreSQL store;
/// SQLite is the single-machine store.
/// </summary>
public sealed class TwoNodeWriteTests
{
    private const int SinglesPerClient = 12;
    private const int ClientsPerNode = 6;
    private const int BatchesPerNode = 3;

    [Fact]
    public async Task Two_nodes_writing_at_once_store_every_statement_once_in_one_gapless_order()
    {
        await using var first = await TestApp.StartAsync(DatabaseProvider.Postgres);
        await using var second = TestApp.Restart(first.Database);
        var nodes = new[] { first, second };

        var sent = new List<Guid>();
        var posts = new List<Task>();
        foreach (var node in nodes)
        {
            for (var c = 0; c < ClientsPerNode; c++)
            {
                var client = await Lrs.ClientAsync(node, first.Data.OrgA);
                var singles = Enumerable.Range(0, SinglesPerClient).Select(i => Lrs.Statement(activity: $"https://careready.example/activities/a{i}")).ToList();
                sent.AddRange(singles.Select(Id));
                posts.Add(Task.Run(async () =>
                {
                    foreach (var statement in singles)
                    {
                        await Lrs.PostOkAsync(client, statement);
                    }
                }));
            }

            var batchClient = await Lrs.ClientAsync(node, first.Data.OrgA);
            var batches = Enumerable.Range(0, BatchesPerNode)
                .Select(b => new JsonArray(Enumerable.Range(0, 100).Select(i => (JsonNode)Lrs.Statement(activity: $"https://careready.example/activities/b{b}-{i}")).ToArray()))
                .ToList();
            sent.AddRange(batches.SelectMany(b => b.Select(s => Id(s!.AsObject()))));
            posts.Add(Task.Run(async () =>
            {
                foreach (var batch in batches)
                {
                    await Lrs.PostOkAsync(batchClient, batch);
                }
            }));
        }

        await Task.WhenAll(posts);

        await using var db = first.NewDbContext();
        var rows = await db.XapiStatements.OrderBy(s => s.Seq).Select(s => new { s.Seq, s.StatementId, s.Stored }).ToListAsync();
        Assert.Equal(sent.Order(), rows.Select(r => r.StatementId).Order());
        Assert.Equal(Enumerable.Range(0, rows.Count).Select(i => rows[0].Seq + i), rows.Select(r => r.Seq));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Stored <= p.Second.Stored), "stored time went back");
    }

    private static Guid Id(JsonObject statement) => Guid.Parse(statement["id"]!.GetValue<string>());
}
