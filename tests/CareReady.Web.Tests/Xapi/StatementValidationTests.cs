using System.Net;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>Each MUST / MUST NOT of the statement format: the LRS refuses with 400, names the property, and stores nothing.</summary>
public class StatementValidationTests
{
    /// <summary>A change to a valid statement, and what the refusal must say.</summary>
    private static readonly (string Name, Action<JsonObject> Break, string Expected)[] Cases =
    [
        ("no actor", s => s.Remove("actor"), "statement.actor: is required"),
        ("no verb", s => s.Remove("verb"), "statement.verb: is required"),
        ("no object", s => s.Remove("object"), "statement.object: is required"),
        ("id not a UUID", s => s["id"] = "123", "statement.id: expected a UUID"),
        ("unknown property", s => s["colour"] = "red", "statement.colour: is not a property allowed here"),
        ("property case", s => s["Actor"] = s["actor"]!.DeepClone(), "statement.Actor: property names are case-sensitive; did you mean \"actor\""),
        ("null value", s => s["result"] = null, "statement.result: must not be null"),
        ("mbox without mailto", s => s["actor"]!["mbox"] = "amara@a.example", "statement.actor.mbox: expected a \"mailto:\" IRI"),
        ("two identifiers", s => s["actor"]!["openid"] = "https://id.example/amara", "statement.actor: an Agent needs exactly one identifier"),
        ("no identifier", s => s["actor"]!.AsObject().Remove("mbox"), "statement.actor: an Agent needs exactly one identifier (mbox, mbox_sha1sum, openid or account); it has none"),
        ("bad sha1", s => { s["actor"]!.AsObject().Remove("mbox"); s["actor"]!["mbox_sha1sum"] = "xyz"; }, "statement.actor.mbox_sha1sum: expected 40 hexadecimal"),
        ("account without homePage", s => { s["actor"]!.AsObject().Remove("mbox"); s["actor"]!["account"] = new JsonObject { ["name"] = "10000001" }; }, "statement.actor.account.homePage: is required"),
        ("objectType case", s => s["actor"]!["objectType"] = "agent", "statement.actor.objectType: expected \"Agent\" or \"Group\""),
        ("anonymous group without members", s => s["actor"] = new JsonObject { ["objectType"] = "Group", ["name"] = "Team" }, "statement.actor: an anonymous Group (no identifier) must have a member list"),
        ("group in a group", s => s["actor"] = new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(new JsonObject { ["objectType"] = "Group", ["mbox"] = "mailto:g@a.example" }) }, "statement.actor.member[0].objectType: a Group's members must be Agents"),
        ("verb id without scheme", s => s["verb"]!["id"] = "passed", "statement.verb.id: expected an absolute IRI"),
        ("display not a language map", s => s["verb"]!["display"] = new JsonObject { ["english!"] = "did" }, "statement.verb.display: language map keys must be RFC 5646"),
        ("activity id missing", s => s["object"]!.AsObject().Remove("id"), "statement.object.id: is required"),
        ("interaction type", s => s["object"]!["definition"]!["interactionType"] = "essay", "statement.object.definition.interactionType: expected one of"),
        ("scaled score out of range", s => s["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = 1.5 } }, "statement.result.score.scaled: must be between -1 and 1"),
        ("raw above max", s => s["result"] = new JsonObject { ["score"] = new JsonObject { ["raw"] = 11, ["min"] = 0, ["max"] = 10 } }, "statement.result.score.raw: must lie between"),
        ("success as string", s => s["result"] = new JsonObject { ["success"] = "true" }, "statement.result.success: expected true or false, got a string"),
        ("duration", s => s["result"] = new JsonObject { ["duration"] = "90 minutes" }, "statement.result.duration: expected an ISO 8601 duration"),
        ("extension key not an IRI", s => s["result"] = new JsonObject { ["extensions"] = new JsonObject { ["score"] = 1 } }, "statement.result.extensions: extension keys must be IRIs"),
        ("timestamp", s => s["timestamp"] = "yesterday", "statement.timestamp: expected an ISO 8601 date and time"),
        ("timestamp -00:00", s => s["timestamp"] = "2026-03-01T10:00:00-00:00", "statement.timestamp: expected an ISO 8601"),
        ("registration", s => s["context"] = new JsonObject { ["registration"] = "abc" }, "statement.context.registration: expected a UUID"),
        ("revision with an agent object", s => { s["object"] = new JsonObject { ["objectType"] = "Agent", ["mbox"] = "mailto:b@a.example" }; s["context"] = new JsonObject { ["revision"] = "2" }; }, "statement.context.revision: revision and platform may only be used when the statement's object is an Activity"),
        ("team not a group", s => s["context"] = new JsonObject { ["team"] = new JsonObject { ["mbox"] = "mailto:t@a.example" } }, "statement.context.team.objectType: the team must be a Group"),
        ("context activity", s => s["context"] = new JsonObject { ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = "not an iri" }) } }, "statement.context.contextActivities.parent[0].id: expected an absolute IRI"),
        ("context activities key", s => s["context"] = new JsonObject { ["contextActivities"] = new JsonObject { ["parents"] = new JsonArray() } }, "statement.context.contextActivities.parents: is not a property allowed here"),
        ("language tag", s => s["context"] = new JsonObject { ["language"] = "en_GB" }, "statement.context.language: expected an RFC 5646 language tag"),
        ("voiding needs a StatementRef", s => s["verb"]!["id"] = "http://adlnet.gov/expapi/verbs/voided", "statement.object: a statement with the verb http://adlnet.gov/expapi/verbs/voided voids another statement"),
        ("statement ref id", s => s["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = "nope" }, "statement.object.id: expected a UUID"),
        ("sub-statement with id", s => s["object"] = new JsonObject { ["objectType"] = "SubStatement", ["id"] = Guid.NewGuid().ToString(), ["actor"] = s["actor"]!.DeepClone(), ["verb"] = s["verb"]!.DeepClone(), ["object"] = s["object"]!.DeepClone() }, "statement.object.id: a SubStatement must not have id"),
        ("nested sub-statement", s => s["object"] = new JsonObject { ["objectType"] = "SubStatement", ["actor"] = s["actor"]!.DeepClone(), ["verb"] = s["verb"]!.DeepClone(), ["object"] = new JsonObject { ["objectType"] = "SubStatement" } }, "statement.object.object.objectType: a SubStatement must not contain another SubStatement"),
        ("attachment without sha2", s => s["attachments"] = new JsonArray(new JsonObject { ["usageType"] = "http://id.tincanapi.com/attachment/certificate", ["display"] = new JsonObject { ["en"] = "Certificate" }, ["contentType"] = "application/pdf", ["length"] = 10 }), "statement.attachments[0].sha2: is required"),
        ("version", s => s["version"] = "0.9", "statement.version: expected a version starting"),
        ("contextAgents are 2.0 only", s => s["context"] = new JsonObject { ["contextAgents"] = new JsonArray() }, "statement.context.contextAgents: is not a property allowed here"),
    ];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_invalid_statement_is_refused_with_the_property_path_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var failures = new List<string>();
        foreach (var (name, breakIt, expected) in Cases)
        {
            var statement = Lrs.Statement();
            breakIt(statement);
            var response = await Lrs.PostAsync(lrs, statement);
            var detail = await Lrs.DetailAsync(response);
            if (response.StatusCode != HttpStatusCode.BadRequest || !detail.Contains(expected, StringComparison.Ordinal))
            {
                failures.Add($"{name}: {(int)response.StatusCode} \"{detail}\"");
            }
        }

        Assert.Empty(failures);
        Assert.Empty((await Lrs.GetJsonAsync(lrs, "/xapi/statements"))["statements"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_batch_with_one_invalid_statement_stores_none_and_names_its_index(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var bad = Lrs.Statement();
        bad["actor"]!["mbox"] = "nobody";
        var response = await Lrs.PostAsync(lrs, new JsonArray(Lrs.Statement(), bad));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("statements[1].actor.mbox:", await Lrs.DetailAsync(response), StringComparison.Ordinal);
        Assert.Empty((await Lrs.GetJsonAsync(lrs, "/xapi/statements"))["statements"]!.AsArray());

        var twice = Lrs.Statement();
        Assert.Contains("appears more than once", await Lrs.DetailAsync(await Lrs.PostAsync(lrs, new JsonArray(twice, twice.DeepClone()))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await lrs.PostAsync("/xapi/statements", new StringContent("{\"actor\":", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Version_2_accepts_context_agents_and_groups(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, version: "2.0.0");
        var statement = Lrs.Statement();
        statement["context"] = new JsonObject
        {
            ["contextAgents"] = new JsonArray(new JsonObject { ["objectType"] = "contextAgent", ["agent"] = new JsonObject { ["mbox"] = "mailto:assessor@a.example" }, ["relevantTypes"] = new JsonArray("https://careready.example/types/assessor") }),
            ["contextGroups"] = new JsonArray(new JsonObject { ["objectType"] = "contextGroup", ["group"] = new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(new JsonObject { ["mbox"] = "mailto:peer@a.example" }) } }),
        };
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, statement)).StatusCode);
        var related = await Lrs.GetJsonAsync(lrs, "/xapi/statements?related_agents=true&agent=" + Lrs.Agent("mailto:assessor@a.example"));
        Assert.Single(related["statements"]!.AsArray());

        var bad = Lrs.Statement();
        bad["context"] = new JsonObject { ["contextAgents"] = new JsonArray(new JsonObject { ["agent"] = new JsonObject { ["mbox"] = "mailto:x@a.example" } }) };
        Assert.Contains("statement.context.contextAgents[0].objectType: expected \"contextAgent\"", await Lrs.DetailAsync(await Lrs.PostAsync(lrs, bad)), StringComparison.Ordinal);
    }
}
