using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>GET statements: voiding, every filter, formats, and `more` paging that neither skips nor repeats.</summary>
public class StatementQueryTests
{
    private const string Fire = "https://careready.example/activities/fire-safety";
    private const string Resus = "https://careready.example/activities/resus";
    private const string Course = "https://careready.example/courses/induction";
    private const string Passed = "http://adlnet.gov/expapi/verbs/passed";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Voided_statements_leave_the_lists_but_stay_readable_by_voidedStatementId(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var target = Lrs.Statement();
        var targetId = target["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, target)).StatusCode);
        var voiding = Void(targetId);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, voiding)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync("/xapi/statements?statementId=" + targetId)).StatusCode);
        Assert.Equal(targetId, (await Lrs.GetJsonAsync(lrs, "/xapi/statements?voidedStatementId=" + targetId))["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync("/xapi/statements?voidedStatementId=" + voiding["id"])).StatusCode);
        var listed = (await Lrs.GetJsonAsync(lrs, "/xapi/statements"))["statements"]!.AsArray();
        Assert.Equal([voiding["id"]!.GetValue<string>()], listed.Select(s => s!["id"]!.GetValue<string>()));
        // The voided statement leaves the filtered lists; the voiding statement, which targets it, matches its filters (Communication 2.1.4).
        var byActivity = (await Lrs.GetJsonAsync(lrs, "/xapi/statements?activity=" + Uri.EscapeDataString(Fire)))["statements"]!.AsArray();
        Assert.Equal([voiding["id"]!.GetValue<string>()], byActivity.Select(s => s!["id"]!.GetValue<string>()));

        // A voiding statement cannot be voided.
        var again = await Lrs.PostAsync(lrs, Void(voiding["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("a voiding statement cannot be voided", await Lrs.DetailAsync(again), StringComparison.Ordinal);

        // The voided statement and its voiding statement sent again together: both are stored already, nothing changes.
        var resent = await Lrs.PostAsync(lrs, new JsonArray(target.DeepClone(), voiding.DeepClone()));
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal([targetId, voiding["id"]!.GetValue<string>()], (await resent.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync("/xapi/statements?statementId=" + targetId)).StatusCode);
        Assert.Single((await Lrs.GetJsonAsync(lrs, "/xapi/statements"))["statements"]!.AsArray());

        // A statement whose voiding arrived first is stored voided.
        var late = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, Void(late.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Lrs.PutAsync(lrs, Lrs.Statement(id: late), late)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync("/xapi/statements?statementId=" + late)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lrs.GetAsync("/xapi/statements?voidedStatementId=" + late)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Filters_select_exactly_the_matching_statements(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var registration = Guid.NewGuid();
        var instructor = "mailto:educator@a.example";

        var s1 = Lrs.Statement(activity: Fire);
        var s2 = Lrs.Statement(mbox: "mailto:ben.hughes@a.example", activity: Fire, verb: Passed);
        s2["context"] = new JsonObject { ["registration"] = registration.ToString(), ["instructor"] = new JsonObject { ["mbox"] = instructor } };
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(s1, s2))).StatusCode);
        var since = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var s3 = Lrs.Statement(activity: Resus, verb: Passed);
        s3["context"] = new JsonObject { ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = Course }) } };
        var s4 = Lrs.Statement(mbox: "mailto:ben.hughes@a.example", activity: Resus);
        s4["context"] = new JsonObject { ["registration"] = registration.ToString() };
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(s3, s4))).StatusCode);
        var until = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var s5 = Lrs.Statement(activity: Course);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, s5)).StatusCode);

        async Task<List<JsonObject>> Get(string query) =>
            (await Lrs.GetJsonAsync(lrs, "/xapi/statements?" + query))["statements"]!.AsArray().Select(s => s!.AsObject()).ToList();
        async Task<List<string>> Ids(string query) => (await Get(query)).Select(s => s["id"]!.GetValue<string>()).ToList();
        string Id(JsonObject s) => s["id"]!.GetValue<string>();
        string Time(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([Id(s5), Id(s4), Id(s3), Id(s2), Id(s1)], await Ids(""));
        Assert.Equal([Id(s1), Id(s2), Id(s3), Id(s4), Id(s5)], await Ids("ascending=true"));
        Assert.Equal([Id(s5), Id(s3), Id(s1)], await Ids("agent=" + Lrs.Agent()));
        Assert.Equal([Id(s4), Id(s2)], await Ids("agent=" + Lrs.Agent("mailto:ben.hughes@a.example")));
        Assert.Equal([Id(s3), Id(s2)], await Ids("verb=" + Uri.EscapeDataString(Passed)));
        Assert.Equal([Id(s2), Id(s1)], await Ids("activity=" + Uri.EscapeDataString(Fire)));
        Assert.Equal([Id(s5)], await Ids("activity=" + Uri.EscapeDataString(Course)));
        Assert.Equal([Id(s5), Id(s3)], await Ids("related_activities=true&activity=" + Uri.EscapeDataString(Course)));
        Assert.Equal([Id(s4), Id(s2)], await Ids("registration=" + registration));
        Assert.Empty(await Ids("agent=" + Lrs.Agent(instructor)));
        Assert.Equal([Id(s2)], await Ids("related_agents=true&agent=" + Lrs.Agent(instructor)));
        Assert.Equal([Id(s5), Id(s4), Id(s3)], await Ids("since=" + Time(since)));
        Assert.Equal([Id(s4), Id(s3), Id(s2), Id(s1)], await Ids("until=" + Time(until)));
        Assert.Equal([Id(s4), Id(s3)], await Ids($"since={Time(since)}&until={Time(until)}"));
        Assert.Equal([Id(s4)], await Ids($"agent={Lrs.Agent("mailto:ben.hughes@a.example")}&activity={Uri.EscapeDataString(Resus)}&since={Time(since)}"));
        Assert.Equal([Id(s3)], await Ids($"agent={Lrs.Agent()}&verb={Uri.EscapeDataString(Passed)}"));

        // Formats: ids strips names and definitions; canonical keeps one language (Accept-Language).
        var ids = (await Get("format=ids&limit=1"))[0];
        Assert.Null(ids["actor"]!["name"]);
        Assert.Null(ids["verb"]!["display"]);
        Assert.Null(ids["object"]!["definition"]);
        lrs.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var canonical = (await Get("format=canonical&limit=1"))[0];
        Assert.Equal("{\"fr\":\"a fait\"}", canonical["verb"]!["display"]!.ToJsonString());
        var exact = (await Get("format=exact&limit=1"))[0];
        Assert.Equal(2, exact["verb"]!["display"]!.AsObject().Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task More_links_page_through_everything_once_while_statements_keep_arriving(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var batch = new JsonArray(Enumerable.Range(0, 23).Select(_ => (JsonNode)Lrs.Statement(activity: Fire)).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, batch)).StatusCode);
        var expected = batch.Select(s => s!["id"]!.GetValue<string>()).ToList();

        foreach (var ascending in new[] { false, true })
        {
            var seen = new List<string>();
            var url = $"/xapi/statements?limit=5&ascending={(ascending ? "true" : "false")}&activity={Uri.EscapeDataString(Fire)}";
            var pages = 0;
            var arrived = new List<string>();
            while (url.Length > 0)
            {
                var page = await Lrs.GetJsonAsync(lrs, url);
                seen.AddRange(page["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
                url = page["more"]!.GetValue<string>();
                pages++;
                // A new statement arrives between pages.
                var extra = Lrs.Statement(activity: Fire);
                arrived.Add(extra["id"]!.GetValue<string>());
                Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, extra)).StatusCode);
                Assert.True(pages < 40, "paging did not end");
            }

            Assert.Equal(seen.Count, seen.Distinct().Count());
            if (ascending)
            {
                // Ascending reaches the statements that arrived during the walk too, in stored order.
                Assert.Equal(expected.Concat(arrived.Take(seen.Count - expected.Count)), seen);
            }
            else
            {
                Assert.Equal(expected.AsEnumerable().Reverse(), seen);
            }

            expected.AddRange(arrived);
        }
    }

    private static JsonObject Void(string id) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["actor"] = new JsonObject { ["mbox"] = "mailto:admin@a.example" },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = id },
    };
}
