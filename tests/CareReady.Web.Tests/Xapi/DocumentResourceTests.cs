using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>State, Activity Profile and Agent Profile documents: ETags, If-Match / If-None-Match, JSON merge; Activities and Agents.</summary>
public class DocumentResourceTests
{
    private const string Activity = "https://careready.example/activities/fire-safety";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task State_documents_are_stored_merged_listed_and_deleted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var registration = Guid.NewGuid();
        var address = $"/xapi/activities/state?activityId={Uri.EscapeDataString(Activity)}&agent={Lrs.Agent()}&registration={registration}";

        Assert.Equal(HttpStatusCode.NoContent, (await lrs.PutAsync(address + "&stateId=bookmark", Json("{\"page\":3,\"seen\":[1,2]}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.PutAsync(address + "&stateId=bookmark", Json("{\"page\":4}"))).StatusCode); // State may be overwritten without headers
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.PostAsync(address + "&stateId=bookmark", Json("{\"seen\":[1,2,3,4]}"))).StatusCode);
        var get = await lrs.GetAsync(address + "&stateId=bookmark");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(get.Headers.ETag);
        Assert.Equal("{\"page\":4,\"seen\":[1,2,3,4]}", await get.Content.ReadAsStringAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = app.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var text = new StringContent("plain words", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.PutAsync(address + "&stateId=notes", text)).StatusCode);
        var merge = await lrs.PostAsync(address + "&stateId=notes", Json("{\"a\":1}"));
        Assert.Equal(HttpStatusCode.BadRequest, merge.StatusCode);
        Assert.Contains("POST merges JSON documents only", await Lrs.DetailAsync(merge), StringComparison.Ordinal);

        Assert.Equal("[\"bookmark\",\"notes\"]", await lrs.GetStringAsync(address));
        Assert.Equal("[\"notes\"]", await lrs.GetStringAsync(address + "&since=" + Uri.EscapeDataString(before)));
        Assert.Equal("[]", await lrs.GetStringAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(Activity)}&agent={Lrs.Agent()}"));

        // Another organisation's client sees none of it.
        var other = await Lrs.ClientAsync(app, app.Data.OrgB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(address + "&stateId=bookmark")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await lrs.DeleteAsync(address + "&stateId=notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(address + "&stateId=notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.DeleteAsync(address)).StatusCode);
        Assert.Equal("[]", await lrs.GetStringAsync(address));

        var missingAgent = await lrs.GetAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(Activity)}&stateId=x");
        Assert.Contains("\"agent\" is required", await Lrs.DetailAsync(missingAgent), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Profile_writes_obey_the_concurrency_headers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, seed: true);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, version: "2.0.0");
        foreach (var address in new[] { $"/xapi/activities/profile?activityId={Uri.EscapeDataString(Activity)}&profileId=settings", $"/xapi/agents/profile?agent={Lrs.Agent()}&profileId=settings" })
        {
            // If-None-Match: * creates; a second create fails; PUT over it without headers is a conflict.
            Assert.Equal(HttpStatusCode.NoContent, (await Send(lrs, HttpMethod.Put, address, "{\"a\":1}", ifNoneMatch: "*")).StatusCode);
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Send(lrs, HttpMethod.Put, address, "{\"a\":2}", ifNoneMatch: "*")).StatusCode);
            var conflict = await Send(lrs, HttpMethod.Put, address, "{\"a\":3}");
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.Contains("If-Match", await Lrs.DetailAsync(conflict), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Send(lrs, HttpMethod.Put, address, "{\"a\":4}", ifMatch: "\"1111111111111111111111111111111111111111\"")).StatusCode);
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Send(lrs, HttpMethod.Post, address, "{\"b\":1}", ifMatch: "\"1111111111111111111111111111111111111111\"")).StatusCode);
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Send(lrs, HttpMethod.Delete, address, null, ifMatch: "\"1111111111111111111111111111111111111111\"")).StatusCode);

            var get = await lrs.GetAsync(address);
            Assert.Equal("{\"a\":1}", await get.Content.ReadAsStringAsync());
            var etag = get.Headers.ETag!.Tag;
            Assert.Equal(HttpStatusCode.NoContent, (await Send(lrs, HttpMethod.Put, address, "{\"a\":5}", ifMatch: etag)).StatusCode);
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Send(lrs, HttpMethod.Put, address, "{\"a\":6}", ifMatch: etag)).StatusCode); // stale now
            Assert.Equal(HttpStatusCode.NoContent, (await Send(lrs, HttpMethod.Post, address, "{\"b\":1}", ifMatch: "*")).StatusCode);
            Assert.Equal("{\"a\":5,\"b\":1}", await lrs.GetStringAsync(address));
            Assert.Equal(HttpStatusCode.NoContent, (await Send(lrs, HttpMethod.Delete, address, null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await lrs.GetAsync(address)).StatusCode);
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await Send(lrs, HttpMethod.Put, address, "{\"a\":7}", ifMatch: "*")).StatusCode); // nothing to match
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Activities_and_agents_resources_describe_what_the_lrs_knows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, Lrs.Statement(activity: Activity))).StatusCode);
        var activity = await Lrs.GetJsonAsync(lrs, "/xapi/activities?activityId=" + Uri.EscapeDataString(Activity));
        Assert.Equal("Fire safety", activity["definition"]!["name"]!["en-GB"]!.GetValue<string>());
        var unknown = await Lrs.GetJsonAsync(lrs, "/xapi/activities?activityId=" + Uri.EscapeDataString("https://elsewhere.example/a"));
        Assert.Null(unknown["definition"]);
        var person = await Lrs.GetJsonAsync(lrs, "/xapi/agents?agent=" + Lrs.Agent());
        Assert.Equal("Person", person["objectType"]!.GetValue<string>());
        Assert.Equal(Lrs.Mbox, person["mbox"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await lrs.GetAsync("/xapi/agents?agent=" + Uri.EscapeDataString("{\"mbox\":\"nope\"}"))).StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string? json, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = json is null ? null : Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return client.SendAsync(request);
    }
}
