using System.Net;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// Group commit: requests that wait while another holds the write lock are written together, yet each is accepted
/// or refused on its own. The test holds the lock itself, so the requests are sure to queue up and form one group.
/// </summary>
public class GroupCommitTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Waiting_requests_are_written_together_and_a_refused_one_takes_nobody_with_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await Lrs.ClientAsync(app, app.Data.OrgA);
        var other = await Lrs.ClientAsync(app, app.Data.OrgB);

        // Already stored: a statement whose id will be reused with other content, and a voiding statement.
        var taken = Lrs.Statement(activity: "https://careready.example/activities/taken");
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(client, taken)).StatusCode);
        var voidable = Lrs.Statement();
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(client, voidable)).StatusCode);
        var voiding = Voiding(Guid.Parse(voidable["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(client, voiding)).StatusCode);

        var writeLock = app.Services.GetRequiredService<StatementWriteLock>();
        await writeLock.EnterAsync(CancellationToken.None);
        var good = Enumerable.Range(0, 6).Select(i => new JsonArray(Lrs.Statement(activity: $"https://careready.example/activities/group/{i}"), Lrs.Statement(activity: $"https://careready.example/activities/group/{i}b"))).ToList();
        var reused = new JsonArray(Lrs.Statement(activity: "https://careready.example/activities/innocent"), Lrs.Statement(activity: "https://careready.example/activities/other", id: Guid.Parse(taken["id"]!.GetValue<string>())));
        var voidsVoiding = Voiding(Guid.Parse(voiding["id"]!.GetValue<string>()));
        var shared = Lrs.Statement(activity: "https://careready.example/activities/shared");
        var sameAgain = shared.DeepClone();
        var clash = Lrs.Statement(activity: "https://careready.example/activities/clash", id: Guid.Parse(shared["id"]!.GetValue<string>()));
        var posts = new List<Task<HttpResponseMessage>>();
        try
        {
            foreach (var g in good)
            {
                await QueueAsync(posts, writeLock, () => Lrs.PostAsync(client, g));
            }

            await QueueAsync(posts, writeLock, () => Lrs.PostAsync(client, reused));        // 409: the id is taken by other content
            await QueueAsync(posts, writeLock, () => Lrs.PostAsync(client, voidsVoiding));  // 400: a voiding statement cannot be voided
            await QueueAsync(posts, writeLock, () => Lrs.PostAsync(client, shared));        // stored …
            await QueueAsync(posts, writeLock, () => Lrs.PostAsync(client, sameAgain));     // … the same statement again in the same group: fine
            await QueueAsync(posts, writeLock, () => Lrs.PostAsync(client, clash));         // 409: same id as an earlier request of the group, other content
            await QueueAsync(posts, writeLock, () => Lrs.PostAsync(other, Lrs.Statement(activity: "https://careready.example/activities/beta"))); // another client: its own group
            Assert.All(posts, p => Assert.False(p.IsCompleted)); // nothing is written while the lock is held
        }
        finally
        {
            writeLock.Exit();
        }

        var statuses = (await Task.WhenAll(posts)).Select(r => r.StatusCode).ToList();
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 6), HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK], statuses);

        // Every accepted statement is there once; nothing of a refused request is.
        var stored = await AllAsync(client);
        foreach (var s in good.SelectMany(g => g).Append(shared))
        {
            Assert.Single(stored, x => x["id"]!.GetValue<string>() == s!["id"]!.GetValue<string>());
        }

        Assert.DoesNotContain(stored, x => x["object"]!["id"]!.GetValue<string>() is "https://careready.example/activities/innocent" or "https://careready.example/activities/clash" or "https://careready.example/activities/other");
        Assert.DoesNotContain(stored, x => x["id"]!.GetValue<string>() == voidsVoiding["id"]!.GetValue<string>());
        Assert.Equal(15, stored.Count); // taken, the voiding statement, 12 from the group and the shared one (the voided one is not listed)
        Assert.Single(await AllAsync(other));
    }

    /// <summary>
    /// Stored order is commit order while groups of two clients are written back to back: Seq is given as "last + 1"
    /// under the write lock, so at every moment the statements a reader can see are exactly the Seqs from the first to
    /// the last — a group committed ahead of an earlier one would show as a gap (and a `more` cursor would skip it).
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task While_groups_are_written_back_to_back_a_reader_never_sees_a_gap_in_stored_order(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var clients = new[] { await Lrs.ClientAsync(app, app.Data.OrgA), await Lrs.ClientAsync(app, app.Data.OrgB) };
        await using var db = app.NewDbContext();
        // The reader's query compiled before the writes start, so its first look is not later than the last write.
        Assert.Null(await Snapshot(db));
        Task<HttpResponseMessage> Post(int i) => Lrs.PostAsync(clients[i % 2], i % 3 == 0
            ? new JsonArray(Lrs.Statement(activity: $"https://careready.example/activities/overlap/{i}"), Lrs.Statement(activity: $"https://careready.example/activities/overlap/{i}b"))
            : Lrs.Statement(activity: $"https://careready.example/activities/overlap/{i}"));

        // Twelve rounds of ten concurrent posts. After each round but the last, the writes wait for the reader to look once
        // more, so it surely looks while writes are still arriving however fast they are (they once all finished before its
        // first look).
        var looks = 0;
        var writes = Task.Run(async () =>
        {
            var responses = new List<HttpResponseMessage>();
            for (var round = 0; round < 12; round++)
            {
                responses.AddRange(await Task.WhenAll(Enumerable.Range(round * 10, 10).Select(i => Task.Run(() => Post(i)))));
                // Two more looks: the second began after this round's writes were answered, and ends before the next round.
                var answered = Volatile.Read(ref looks);
                while (round < 11 && Volatile.Read(ref looks) < answered + 2)
                {
                    await Task.Delay(1);
                }
            }

            return responses;
        });

        var observations = new List<(int Count, long Span)>();
        while (!writes.IsCompleted)
        {
            if (await Snapshot(db) is { } seen)
            {
                observations.Add(seen);
                Interlocked.Increment(ref looks);
            }
        }

        Assert.All(await writes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(observations, o => Assert.Equal(o.Span, o.Count));
        Assert.Contains(observations, o => o.Count is > 0 and < 160); // read while writes were still arriving
        await using var after = app.NewDbContext();
        var seqs = await after.XapiStatements.OrderBy(x => x.Seq).Select(x => x.Seq).ToListAsync();
        Assert.Equal(160, seqs.Count);
        Assert.Equal(Enumerable.Range(0, 160).Select(i => seqs[0] + i), seqs);
    }

    /// <summary>How many statements a reader sees and the span of their order, read by one statement (one snapshot).</summary>
    private static async Task<(int Count, long Span)?> Snapshot(AppDbContext db)
    {
        var seen = await db.XapiStatements.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Span = g.Max(x => x.Seq) - g.Min(x => x.Seq) + 1 }).FirstOrDefaultAsync();
        return seen is null ? null : (seen.Count, seen.Span);
    }

    private static JsonObject Voiding(Guid target) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["actor"] = new JsonObject { ["mbox"] = Lrs.Mbox },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() },
    };

    private static async Task<List<JsonNode>> AllAsync(HttpClient client) =>
        [.. (await Lrs.GetJsonAsync(client, "/xapi/statements?limit=100"))["statements"]!.AsArray().Select(s => s!)];

    /// <summary>Sends a request and waits until it is queued behind the held lock, so the queue's order is the test's.</summary>
    internal static async Task QueueAsync(List<Task<HttpResponseMessage>> posts, StatementWriteLock writeLock, Func<Task<HttpResponseMessage>> send)
    {
        // Counted before the request is sent: a fast request can be queued before the call that sends it returns.
        var before = writeLock.Waiting;
        var post = send();
        posts.Add(post);
        // Generous: on a loaded machine (the whole suite runs in parallel) a request can take seconds to get this far.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (writeLock.Waiting == before && !post.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(25);
        }

        if (post.IsCompleted)
        {
            var response = await post;
            Assert.Fail($"The request was answered while the lock was held: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(before + 1, writeLock.Waiting);
    }
}
