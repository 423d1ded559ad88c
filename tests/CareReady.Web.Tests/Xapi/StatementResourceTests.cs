using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>The Statement resource through HTTP: PUT, POST, GET, conflicts, versions, authentication and scoping.</summary>
public class StatementResourceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Put_post_and_get_store_statements_and_a_reused_id_with_other_content_conflicts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var id = Guid.NewGuid();
        var statement = Lrs.Statement(id: id);
        statement.Remove("id");

        var put = await Lrs.PutAsync(lrs, statement, id);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("1.0.3", put.Headers.GetValues("X-Experience-API-Version").Single());
        Assert.True(put.Headers.Contains("X-Experience-API-Consistent-Through"));
        Assert.Equal(HttpStatusCode.NoContent, (await Lrs.PutAsync(lrs, statement, id)).StatusCode); // same statement again: no conflict
        var changed = (JsonObject)statement.DeepClone();
        changed["verb"]!["id"] = "http://adlnet.gov/expapi/verbs/attempted";
        var conflict = await Lrs.PutAsync(lrs, changed, id);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(id.ToString(), await Lrs.DetailAsync(conflict), StringComparison.Ordinal);

        var stored = await Lrs.GetJsonAsync(lrs, "/xapi/statements?statementId=" + id);
        Assert.Equal(id.ToString(), stored["id"]!.GetValue<string>());
        Assert.Equal("1.0.0", stored["version"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:00:00.000Z", stored["stored"]!.GetValue<string>());
        Assert.Equal(stored["stored"]!.GetValue<string>(), stored["timestamp"]!.GetValue<string>());
        Assert.Equal("Test LMS", stored["authority"]!["name"]!.GetValue<string>());
        Assert.Equal("http://adlnet.gov/expapi/verbs/experienced", stored["verb"]!["id"]!.GetValue<string>());

        // PUT: the body's id must equal the parameter.
        var mismatch = await Lrs.PutAsync(lrs, Lrs.Statement(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("differs from the statementId parameter", await Lrs.DetailAsync(mismatch), StringComparison.Ordinal);

        // POST a batch: ids in order, the LRS assigns the missing one.
        var withoutId = Lrs.Statement();
        withoutId.Remove("id");
        var given = Lrs.Statement();
        var posted = await Lrs.PostAsync(lrs, new JsonArray(given, withoutId));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var ids = (await posted.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(given["id"]!.GetValue<string>(), ids[0]);
        Assert.True(Guid.TryParse(ids[1], out _));

        // A batch with one conflicting statement stores nothing.
        var fresh = Lrs.Statement();
        var reused = (JsonObject)changed.DeepClone();
        reused["id"] = id.ToString();
        Assert.Equal(HttpStatusCode.Conflict, (await Lrs.PostAsync(lrs, new JsonArray(fresh, reused))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync("/xapi/statements?statementId=" + fresh["id"])).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Version_header_is_required_echoed_and_about_lists_both_versions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var none = await Lrs.ClientAsync(app, app.Data.OrgA, version: "");
        var missing = await none.GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("X-Experience-API-Version header is required", await Lrs.DetailAsync(missing), StringComparison.Ordinal);

        var old = await Lrs.ClientAsync(app, app.Data.OrgA, version: "0.95");
        Assert.Equal(HttpStatusCode.BadRequest, (await old.GetAsync("/xapi/statements")).StatusCode);

        var v2 = await Lrs.ClientAsync(app, app.Data.OrgA, version: "2.0.0");
        var statement = Lrs.Statement();
        var posted = await Lrs.PostAsync(v2, statement);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("2.0.0", posted.Headers.GetValues("X-Experience-API-Version").Single());
        var stored = await Lrs.GetJsonAsync(v2, "/xapi/statements?statementId=" + statement["id"]);
        Assert.Equal("2.0.0", stored["version"]!.GetValue<string>());

        var anonymous = app.NewClient();
        var about = await anonymous.GetAsync("/xapi/about");
        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        var body = await about.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["1.0.3", "2.0.0"], body!["version"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Clients_authenticate_have_scopes_and_see_only_their_organisation(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var a = await Lrs.ClientAsync(app, app.Data.OrgA);
        var b = await Lrs.ClientAsync(app, app.Data.OrgB);
        var readOnly = await Lrs.ClientAsync(app, app.Data.OrgA, write: false);
        var statement = Lrs.Statement();
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(a, statement)).StatusCode);

        var anonymous = app.NewClient();
        anonymous.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        var refused = await anonymous.GetAsync("/xapi/statements");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Basic", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        anonymous.DefaultRequestHeaders.Authorization = Lrs.Basic("nobody", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/xapi/statements")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await Lrs.PostAsync(readOnly, Lrs.Statement())).StatusCode);
        Assert.Single((await Lrs.GetJsonAsync(readOnly, "/xapi/statements"))["statements"]!.AsArray());

        // Organisation B's client sees nothing of A's, and may reuse the id without conflict.
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync("/xapi/statements?statementId=" + statement["id"])).StatusCode);
        Assert.Empty((await Lrs.GetJsonAsync(b, "/xapi/statements?agent=" + Lrs.Agent()))["statements"]!.AsArray());
        var other = Lrs.Statement(verb: "http://adlnet.gov/expapi/verbs/attempted", id: Guid.Parse(statement["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(b, other)).StatusCode);
        Assert.Equal("http://adlnet.gov/expapi/verbs/experienced",
            (await Lrs.GetJsonAsync(a, "/xapi/statements?statementId=" + statement["id"]))["verb"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unknown_or_miscased_parameters_are_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var unknown = await lrs.GetAsync("/xapi/statements?colour=red");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"colour\" is not recognised", await Lrs.DetailAsync(unknown), StringComparison.Ordinal);
        var cased = await lrs.GetAsync("/xapi/statements?StatementId=" + Guid.NewGuid());
        Assert.Contains("should be \"statementId\"", await Lrs.DetailAsync(cased), StringComparison.Ordinal);
        var both = await lrs.GetAsync($"/xapi/statements?statementId={Guid.NewGuid()}&verb=http://x.example/v");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lrs.GetAsync("/xapi/statements?limit=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lrs.GetAsync("/xapi/statements?format=full")).StatusCode);
    }
}
