using System.Net;
using System.Globalization;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// Filter conditions for StatementRefs (Communication 2.1.3 / 2.1.4) and the agent filter's Group-member
/// rule, through HTTP on both providers.
/// </summary>
public class StatementRefFilterTests
{
    private const string Ben = "mailto:ben@test.example";
    private const string Andrew = "mailto:andrew@test.example";
    private const string Explosives = "https://careready.example/activities/explosives-training";

    private static JsonObject Targeting(string actor, string verb, JsonNode target) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["actor"] = new JsonObject { ["mbox"] = actor },
        ["verb"] = new JsonObject { ["id"] = verb },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target["id"]!.GetValue<string>() },
    };

    private static async Task<List<string>> IdsAsync(HttpClient lrs, string query) =>
        (await Lrs.GetJsonAsync(lrs, "/xapi/statements?" + query))["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();

    private static string Id(JsonNode s) => s["id"]!.GetValue<string>();

    /// <summary>Ben passed explosives training in a registration; Andrew confirmed it; Carol noted the confirmation.</summary>
    private static (string Registration, JsonObject Passed, JsonObject Confirmed, JsonObject Noted) Chain()
    {
        var registration = Guid.NewGuid().ToString();
        var passed = Lrs.Statement(Ben, "http://adlnet.gov/expapi/verbs/passed", Explosives);
        passed["context"] = new JsonObject { ["registration"] = registration };
        var confirmed = Targeting(Andrew, "https://careready.example/verbs/confirmed", passed);
        var noted = Targeting("mailto:carol@test.example", "https://careready.example/verbs/noted", confirmed); // targets the targeting one
        return (registration, passed, confirmed, noted);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Statements_targeting_a_matching_statement_match_every_filter_recursively_and_voiding_ones_too(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var (registration, passed, confirmed, noted) = Chain();
        var unrelated = Lrs.Statement("mailto:dan@test.example");
        var inContext = Lrs.Statement("mailto:erin@test.example"); // a StatementRef in context does not count
        inContext["context"] = new JsonObject { ["statement"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = Id(passed) } };
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(passed, confirmed))).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var betweenBatches = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(noted, unrelated, inContext))).StatusCode);

        List<string> chain = [Id(noted), Id(confirmed), Id(passed)];
        Assert.Equal(chain, await IdsAsync(lrs, "agent=" + Lrs.Agent(Ben)));
        Assert.Equal(chain, await IdsAsync(lrs, "activity=" + Uri.EscapeDataString(Explosives)));
        Assert.Equal(chain, await IdsAsync(lrs, "verb=" + Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/passed")));
        Assert.Equal(chain, await IdsAsync(lrs, "registration=" + registration));
        Assert.Equal(chain, await IdsAsync(lrs, $"agent={Lrs.Agent(Ben)}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/passed")}&registration={registration}"));
        Assert.Equal([Id(noted), Id(confirmed)], await IdsAsync(lrs, "agent=" + Lrs.Agent(Andrew)));
        Assert.Equal([Id(noted)], await IdsAsync(lrs, "verb=" + Uri.EscapeDataString("https://careready.example/verbs/noted")));

        // since/until/limit apply to the targeting statement itself.
        var since = Uri.EscapeDataString(betweenBatches.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Assert.Equal([Id(noted)], await IdsAsync(lrs, $"agent={Lrs.Agent(Ben)}&since={since}"));
        Assert.Equal([Id(confirmed), Id(passed)], await IdsAsync(lrs, $"agent={Lrs.Agent(Ben)}&until={since}"));
        Assert.Equal([Id(passed), Id(confirmed)], await IdsAsync(lrs, $"activity={Uri.EscapeDataString(Explosives)}&ascending=true&limit=2"));

        // Voiding the original: it is no longer returned, but the statements targeting it are — the voiding one included.
        var voiding = Targeting("mailto:admin@test.example", "http://adlnet.gov/expapi/verbs/voided", passed);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, voiding)).StatusCode);
        Assert.Equal([Id(voiding), Id(noted), Id(confirmed)], await IdsAsync(lrs, "agent=" + Lrs.Agent(Ben)));
        Assert.Equal([Id(voiding), Id(noted), Id(confirmed)], await IdsAsync(lrs, "registration=" + registration));

        // Not for a single statement: statementId returns just that one.
        Assert.Equal(Id(confirmed), (await Lrs.GetJsonAsync(lrs, "/xapi/statements?statementId=" + Id(confirmed)))["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Statements_sent_before_the_statement_they_target_match_its_filters_once_it_arrives(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var (registration, passed, confirmed, noted) = Chain();
        confirmed["context"] = new JsonObject { ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = Explosives }) } };

        // Each arrives in its own request, the target last.
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, confirmed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, noted)).StatusCode);
        Assert.Empty(await IdsAsync(lrs, "agent=" + Lrs.Agent(Ben)));
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, passed)).StatusCode);

        List<string> chain = [Id(passed), Id(noted), Id(confirmed)];
        Assert.Equal(chain, await IdsAsync(lrs, "agent=" + Lrs.Agent(Ben)));
        Assert.Equal(chain, await IdsAsync(lrs, "activity=" + Uri.EscapeDataString(Explosives)));
        Assert.Equal(chain, await IdsAsync(lrs, "verb=" + Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/passed")));
        Assert.Equal(chain, await IdsAsync(lrs, "registration=" + registration));
        // confirmed named the activity in its context before; now that it matches the activity directly it is still listed once.
        Assert.Equal(chain, await IdsAsync(lrs, "related_activities=true&activity=" + Uri.EscapeDataString(Explosives)));
        Assert.Equal([Id(noted), Id(confirmed)], await IdsAsync(lrs, "agent=" + Lrs.Agent(Andrew)));

        // A voiding statement sent before its target: the target arrives voided, the voiding statement matches its filters.
        var completed = Lrs.Statement("mailto:dan@test.example", "http://adlnet.gov/expapi/verbs/completed", Explosives);
        var voiding = Targeting("mailto:admin@test.example", "http://adlnet.gov/expapi/verbs/voided", completed);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, voiding)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, completed)).StatusCode);
        Assert.Equal([Id(voiding)], await IdsAsync(lrs, "agent=" + Lrs.Agent("mailto:dan@test.example")));
        Assert.Equal([Id(voiding), .. chain], await IdsAsync(lrs, "activity=" + Uri.EscapeDataString(Explosives)));
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync("/xapi/statements?statementId=" + Id(completed))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_agent_filter_matches_a_group_actor_or_object_by_its_members_but_other_groups_only_with_related_agents(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        JsonObject Group(bool identified) => new JsonObject
        {
            ["objectType"] = "Group",
            ["name"] = "Night shift",
            ["member"] = new JsonArray(new JsonObject { ["mbox"] = Ben }, new JsonObject { ["mbox"] = Andrew }),
        }.Let(g => { if (identified) { g["mbox"] = "mailto:night-shift@test.example"; } });

        var anonymousActor = Lrs.Statement();
        anonymousActor["actor"] = Group(identified: false);
        var identifiedActor = Lrs.Statement();
        identifiedActor["actor"] = Group(identified: true);
        var groupObject = Lrs.Statement("mailto:educator@test.example", "https://careready.example/verbs/briefed");
        groupObject["object"] = Group(identified: true);
        var team = Lrs.Statement("mailto:dan@test.example");
        team["context"] = new JsonObject { ["team"] = Group(identified: false) };
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(anonymousActor, identifiedActor, groupObject, team))).StatusCode);

        Assert.Equal([Id(groupObject), Id(identifiedActor), Id(anonymousActor)], await IdsAsync(lrs, "agent=" + Lrs.Agent(Ben)));
        Assert.Equal([Id(groupObject), Id(identifiedActor)], await IdsAsync(lrs, "agent=" + Lrs.Agent("mailto:night-shift@test.example")));
        Assert.Equal([Id(team), Id(groupObject), Id(identifiedActor), Id(anonymousActor)], await IdsAsync(lrs, "related_agents=true&agent=" + Lrs.Agent(Ben)));
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Let(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
