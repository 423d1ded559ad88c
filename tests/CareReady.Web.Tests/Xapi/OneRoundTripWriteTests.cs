using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// On PostgreSQL a plain group (new statements, nothing voided or referred to, no attachments) after the writer's
/// first is written in one round trip whose guard, under the lock, sends anything that needs checking the checked
/// way (ADR 0026). The answers and what is stored must be the same either way; the meter says which way each group went.
/// </summary>
public class OneRoundTripWriteTests
{
    private const string Course = "https://elearning.example/courses/adult-bls";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Plain_groups_go_in_one_round_trip_and_a_resend_a_reused_id_or_a_mapped_completion_is_checked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var paths = new GroupPaths(app.Services.GetRequiredService<IMeterFactory>());
        var client = await Lrs.ClientAsync(app, app.Data.OrgA);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        await MapCourseAsync(lead);

        var first = Lrs.Statement(activity: "https://careready.example/activities/one"); // no timestamp: the LRS gives it one
        await Lrs.PostOkAsync(client, first);
        var second = Lrs.Statement(activity: "https://careready.example/activities/two");
        await Lrs.PostOkAsync(client, second);
        var expected = new List<string> { Checked, OneRoundTrip };
        Assert.Equal(Expect(provider, expected), paths.Taken);

        // The same statement again, a minute on and still without a timestamp, is no conflict; other content under its id is.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Lrs.PostOkAsync(client, first.DeepClone());
        var reused = Lrs.Statement(activity: "https://careready.example/activities/other", id: Guid.Parse(first["id"]!.GetValue<string>()));
        var conflict = await Lrs.PostAsync(client, reused);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("already stored", await Lrs.DetailAsync(conflict), StringComparison.Ordinal);
        expected.AddRange([Checked, Checked]); // counted once the group commits, which may be after a refused request's answer

        // A pass of a mapped activity counts for compliance.
        var passed = NursePassed(app);
        await Lrs.PostOkAsync(client, passed);
        var third = Lrs.Statement(activity: "https://careready.example/activities/three");
        await Lrs.PostOkAsync(client, third);
        expected.AddRange([Checked, OneRoundTrip]);
        Assert.Equal(Expect(provider, expected), paths.Taken);
        await AssertNurseCompletedAsync(app, lead);

        // Stored once each, in the order sent, with no gap; the resent statement keeps the timestamp it was first given.
        await using var db = app.NewDbContext();
        var rows = await db.XapiStatements.OrderBy(s => s.Seq).Select(s => new { s.Seq, s.StatementId, s.Stored, s.Json }).ToListAsync();
        Assert.Equal(new[] { first, second, passed, third }.Select(s => Guid.Parse(s["id"]!.GetValue<string>())), rows.Select(r => r.StatementId));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => rows[0].Seq + i), rows.Select(r => r.Seq));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Stored <= p.Second.Stored));
        var firstStored = JsonNode.Parse(rows[0].Json)!;
        Assert.Equal(firstStored["stored"]!.GetValue<string>(), firstStored["timestamp"]!.GetValue<string>());
        var fetched = await Lrs.GetJsonAsync(client, "/xapi/statements?statementId=" + first["id"]!.GetValue<string>());
        Assert.Equal(firstStored["timestamp"]!.GetValue<string>(), fetched["timestamp"]!.GetValue<string>());

        // The second went in one round trip on PostgreSQL, drafted on the request's thread (ADR 0028): stored as the checked
        // path stores the first — the statement as sent, the LRS's stored time, the client's authority, a version, and the
        // stored time as its timestamp.
        var secondStored = JsonNode.Parse(rows[1].Json)!.AsObject();
        var expectedSecond = (JsonObject)second.DeepClone();
        var storedText = rows[1].Stored.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        expectedSecond["timestamp"] = storedText;
        expectedSecond["stored"] = storedText;
        expectedSecond["authority"] = firstStored["authority"]!.DeepClone();
        expectedSecond["version"] = "1.0.0";
        Assert.True(JsonNode.DeepEquals(expectedSecond, secondStored), secondStored.ToJsonString());
    }

    /// <summary>The meter tells operators how large the writer's groups are and how long each took, by path.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_meter_records_each_group_s_statements_and_time(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var sizes = new System.Collections.Concurrent.ConcurrentQueue<(string Path, int Statements)>();
        var times = new System.Collections.Concurrent.ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name is "careready.xapi.group_statements" or "careready.xapi.group_duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => sizes.Enqueue(((string)tags[0].Value!, value)));
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => times.Enqueue(value));
        listener.Start();

        var client = await Lrs.ClientAsync(app, app.Data.OrgA);
        var batch = new JsonArray(Enumerable.Range(0, 3).Select(i => (JsonNode)Lrs.Statement(activity: "https://careready.example/activities/" + i)).ToArray());
        await Lrs.PostOkAsync(client, batch);

        await Lrs.PostOkAsync(client, Lrs.Statement(activity: "https://careready.example/activities/single"));
        Assert.Equal(Expect(provider, [Checked, OneRoundTrip]).Zip([3, 1]), sizes.Select(s => (s.Path, s.Statements)));
        Assert.Equal(2, times.Count);
        Assert.All(times, t => Assert.InRange(t, 1e-6, 60));
    }

    /// <summary>The writer's one-round-trip groups use a pool of their own, named for operators (ADR 0028).</summary>
    [Fact]
    public async Task The_writer_s_sessions_are_named_in_pg_stat_activity()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres);
        var client = await Lrs.ClientAsync(app, app.Data.OrgA);
        await Lrs.PostOkAsync(client, Lrs.Statement(activity: "https://careready.example/activities/one"));
        await Lrs.PostOkAsync(client, Lrs.Statement(activity: "https://careready.example/activities/two")); // one round trip

        await using var db = app.NewDbContext();
        var names = await db.Database.SqlQuery<string>($"SELECT application_name AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync();
        Assert.Contains(StatementWriterConnections.ApplicationName, names);
    }

    /// <summary>
    /// Another node (or anything else) stored statements since this writer's last group: the guard sees the store no
    /// longer ends where the writer expects, writes nothing, and the group is written the checked way after them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_write_by_another_node_in_between_sends_the_next_group_the_checked_way(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var paths = new GroupPaths(app.Services.GetRequiredService<IMeterFactory>());
        var client = await Lrs.ClientAsync(app, app.Data.OrgA);
        await Lrs.PostOkAsync(client, Lrs.Statement(activity: "https://careready.example/activities/a"));
        await Lrs.PostOkAsync(client, Lrs.Statement(activity: "https://careready.example/activities/b"));

        // What a second node sharing the database would have left: statements this writer did not store.
        await using (var other = TestApp.Restart(app.Database))
        {
            var otherClient = await Lrs.ClientAsync(other, app.Data.OrgB);
            await Lrs.PostOkAsync(otherClient, new JsonArray(Lrs.Statement(activity: "https://careready.example/activities/c"), Lrs.Statement(activity: "https://careready.example/activities/d")));
        }

        await Lrs.PostOkAsync(client, Lrs.Statement(activity: "https://careready.example/activities/e"));
        await Lrs.PostOkAsync(client, Lrs.Statement(activity: "https://careready.example/activities/f"));
        Assert.Equal(Expect(provider, [Checked, OneRoundTrip, Checked, OneRoundTrip]), paths.Taken);

        await using var db = app.NewDbContext();
        var activities = await db.XapiStatements.OrderBy(s => s.Seq).Select(s => new { s.Seq, s.ActivityId }).ToListAsync();
        Assert.Equal(["a", "b", "c", "d", "e", "f"], activities.Select(a => a.ActivityId!.Split('/')[^1]));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => activities[0].Seq + i), activities.Select(a => a.Seq));
    }

    /// <summary>
    /// Large plain groups are sent two at a time, the second expecting the store to end with the first's last statement. When
    /// one in the middle has to be checked, the one sent after it cannot be written either; both are then written the
    /// checked way, in the order sent, and the next group goes in one round trip again.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task When_a_group_in_flight_must_be_checked_the_one_sent_after_it_follows_it_the_checked_way(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var paths = new GroupPaths(app.Services.GetRequiredService<IMeterFactory>());
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        await MapCourseAsync(lead);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await Lrs.ClientAsync(app, app.Data.OrgA)); // one group each: a group is one client's requests
        }

        await Lrs.PostOkAsync(clients[0], Lrs.Statement(activity: "https://careready.example/activities/before"));
        var passed = NursePassed(app);
        // Groups large enough to be kept in flight (StatementWriter.MinPipelinedStatements).
        var size = StatementWriter.MinPipelinedStatements;
        JsonArray Batch(string name, int count) => [.. Enumerable.Range(0, count).Select(i => (JsonNode)Lrs.Statement(activity: $"https://careready.example/activities/{name}/{i}"))];
        var g2 = Batch("g2", size - 1);
        g2.Insert(size / 2, passed);
        var bodies = new JsonNode[] { Batch("g1", size), g2, Batch("g3", size), Batch("g4", 2) };

        var writeLock = app.Services.GetRequiredService<StatementWriteLock>();
        var posts = new List<Task<HttpResponseMessage>>();
        await writeLock.EnterAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                var (client, body) = (clients[i], bodies[i]);
                await GroupCommitTests.QueueAsync(posts, writeLock, () => Lrs.PostAsync(client, body));
            }
        }
        finally
        {
            writeLock.Exit();
        }

        Assert.All(await Task.WhenAll(posts), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // The third group is sent behind the second while the second is in flight — and then cannot be written, so it
        // follows it the checked way — unless the second's answer was already in when the writer took the third, which
        // then went in one round trip after the second's checked write. Which of the two happens is a matter of timing.
        var taken = paths.Taken;
        Assert.Equal(5, taken.Count);
        Assert.Contains(taken[3], new[] { Checked, OneRoundTrip });
        Assert.Equal(Expect(provider, [Checked, OneRoundTrip, Checked, taken[3], OneRoundTrip]), taken);

        await using var db = app.NewDbContext();
        var rows = await db.XapiStatements.OrderBy(s => s.Seq).Select(s => new { s.Seq, s.ActivityId, s.Stored }).ToListAsync();
        var sent = bodies.SelectMany(b => b is JsonArray a ? a.Select(x => x!) : [b]).Select(x => x["object"]!["id"]!.GetValue<string>());
        Assert.Equal(sent.Prepend("https://careready.example/activities/before"), rows.Select(r => r.ActivityId!));
        Assert.Equal(Enumerable.Range(0, rows.Count).Select(i => rows[0].Seq + i), rows.Select(r => r.Seq));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Stored <= p.Second.Stored));
        await AssertNurseCompletedAsync(app, lead);
    }

    /// <summary>Maps the course to resuscitation level 2 (a pass of it counts for compliance).</summary>
    private static async Task MapCourseAsync(HttpClient lead) =>
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/v1/lrs/mappings", new { activityId = Course, competencyCode = "CSTF-RES-2A" })).StatusCode);

    /// <summary>Nurse A (by ESR account) passed the mapped course on 1 March.</summary>
    private static JsonObject NursePassed(TestApp app)
    {
        var passed = Lrs.Statement(activity: Course, verb: "http://adlnet.gov/expapi/verbs/passed");
        passed["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = "https://esr.example", ["name"] = app.Data.NurseA.EmployeeNumber } };
        passed["timestamp"] = "2026-03-01T15:30:00Z";
        return passed;
    }

    private static async Task AssertNurseCompletedAsync(TestApp app, HttpClient lead)
    {
        var resus = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}")).GetProperty("requirements")
            .EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
        Assert.Equal("2026-03-01", resus.GetProperty("lastCompleted").GetString());
    }

    private const string OneRoundTrip = XapiMetrics.OneRoundTrip;
    private const string Checked = XapiMetrics.Checked;

    /// <summary>SQLite writes every group the checked way (no round trips to save there).</summary>
    private static List<string> Expect(DatabaseProvider provider, List<string> onPostgres) =>
        provider == DatabaseProvider.Postgres ? [.. onPostgres] : [.. onPostgres.Select(_ => Checked)];
}
