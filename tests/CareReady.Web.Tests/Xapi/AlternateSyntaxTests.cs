using System.Net;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>The alternate request syntax (1.0.3 Communication 1.3; removed in 2.0) through HTTP on both providers.</summary>
public class AlternateSyntaxTests
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Version_1_0_3_accepts_method_headers_content_and_parameters_as_form_fields(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, version: "");
        var authorization = lrs.DefaultRequestHeaders.Authorization!.ToString();
        lrs.DefaultRequestHeaders.Authorization = null; // every header travels in the form
        var statement = Lrs.Statement();
        var id = statement["id"]!.GetValue<string>();

        var put = await lrs.PostAsync("/xapi/statements?method=PUT", Form(
            ("Authorization", authorization), ("X-Experience-API-Version", "1.0.3"), ("Content-Type", "application/json"),
            ("statementId", id), ("content", statement.ToJsonString())));
        Assert.True(put.StatusCode == HttpStatusCode.NoContent, await Lrs.DetailAsync(put));

        var get = await lrs.PostAsync("/xapi/statements?method=GET", Form(("Authorization", authorization), ("X-Experience-API-Version", "1.0.3"), ("statementId", id)));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(id, JsonNode.Parse(await get.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());

        // Filters as form fields (what the syntax is also for: long query strings).
        var list = await lrs.PostAsync("/xapi/statements?method=GET", Form(("Authorization", authorization), ("X-Experience-API-Version", "1.0.3"), ("agent", new JsonObject { ["mbox"] = Lrs.Mbox }.ToJsonString()), ("limit", "1")));
        Assert.Single(JsonNode.Parse(await list.Content.ReadAsStringAsync())!["statements"]!.AsArray());

        // State: PUT, GET, DELETE through the same syntax; If-None-Match as a form field.
        var address = new[] { ("activityId", "https://careready.example/activities/fire-safety"), ("agent", new JsonObject { ["mbox"] = Lrs.Mbox }.ToJsonString()), ("stateId", "bookmark") };
        (string, string)[] Headers(params (string, string)[] more) => [("Authorization", authorization), ("X-Experience-API-Version", "1.0.3"), .. address, .. more];
        var state = await lrs.PostAsync("/xapi/activities/state?method=PUT", Form(Headers(("Content-Type", "application/json"), ("If-None-Match", "*"), ("content", "{\"page\":3}"))));
        Assert.True(state.StatusCode == HttpStatusCode.NoContent, await Lrs.DetailAsync(state));
        var again = await lrs.PostAsync("/xapi/activities/state?method=PUT", Form(Headers(("Content-Type", "application/json"), ("If-None-Match", "*"), ("content", "{\"page\":4}"))));
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        var read = await lrs.PostAsync("/xapi/activities/state?method=GET", Form(Headers()));
        Assert.Equal(3, JsonNode.Parse(await read.Content.ReadAsStringAsync())!["page"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.PostAsync("/xapi/activities/state?method=DELETE", Form(Headers()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.PostAsync("/xapi/activities/state?method=GET", Form(Headers()))).StatusCode);

        // Refusals: another query parameter, an unknown method, a body that is not a form.
        var extra = await lrs.PostAsync("/xapi/statements?method=GET&statementId=" + id, Form(("Authorization", authorization), ("X-Experience-API-Version", "1.0.3")));
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Contains("\"statementId\" was given in the query string", await Lrs.DetailAsync(extra), StringComparison.Ordinal);
        var unknown = await lrs.PostAsync("/xapi/statements?method=PATCH", Form(("Authorization", authorization), ("X-Experience-API-Version", "1.0.3")));
        Assert.Contains("Parameter \"method\" must be one of", await Lrs.DetailAsync(unknown), StringComparison.Ordinal);
        var json = await lrs.PostAsync("/xapi/statements?method=PUT", new StringContent(statement.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("application/x-www-form-urlencoded", await Lrs.DetailAsync(json), StringComparison.Ordinal);

        // Credentials are still checked when they come in the form.
        var anonymous = await lrs.PostAsync("/xapi/statements?method=GET", Form(("X-Experience-API-Version", "1.0.3"), ("statementId", id)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Version_2_0_refuses_the_alternate_syntax_whether_the_version_is_a_header_or_a_form_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var v2 = await Lrs.ClientAsync(app, app.Data.OrgA, version: "2.0.0");
        var statement = Lrs.Statement();
        var header = await v2.PostAsync("/xapi/statements?method=PUT", Form(("statementId", statement["id"]!.GetValue<string>()), ("content", statement.ToJsonString())));
        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        Assert.Equal("2.0.0", header.Headers.GetValues("X-Experience-API-Version").Single());
        Assert.Contains("xAPI 2.0 removed the alternate request syntax", await Lrs.DetailAsync(header), StringComparison.Ordinal);

        var plain = await Lrs.ClientAsync(app, app.Data.OrgA, version: "");
        var field = await plain.PostAsync("/xapi/statements?method=GET", Form(("X-Experience-API-Version", "2.0.0")));
        Assert.Equal(HttpStatusCode.BadRequest, field.StatusCode);
        Assert.Contains("xAPI 2.0 removed the alternate request syntax", await Lrs.DetailAsync(field), StringComparison.Ordinal);
        Assert.Empty((await Lrs.GetJsonAsync(v2, "/xapi/statements"))["statements"]!.AsArray());
    }
}
