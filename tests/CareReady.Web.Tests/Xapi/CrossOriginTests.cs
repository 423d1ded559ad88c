using System.Net;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// E-learning hosted on another site calls the LRS and the cmi5 fetch URL from the learner's browser: CORS allows any
/// origin there (the Authorization header is the credential, never a cookie) and nowhere else.
/// </summary>
public class CrossOriginTests
{
    private const string Vendor = "https://courses.vendor.example";

    private static HttpRequestMessage Preflight(string path, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Vendor);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task The_lrs_and_the_fetch_url_allow_any_origin_without_cookies_and_the_rest_of_the_site_does_not()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.NewClient();

        // Preflight of a State PUT with the headers an AU sends.
        var preflight = await client.SendAsync(Preflight("/xapi/activities/state", "PUT", "authorization,x-experience-api-version,content-type,if-match"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("PUT", Header(preflight, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        var allowed = Header(preflight, "Access-Control-Allow-Headers").ToLowerInvariant();
        Assert.All(["authorization", "x-experience-api-version", "content-type", "if-match"], h => Assert.Contains(h, allowed, StringComparison.Ordinal));
        Assert.Equal("", Header(preflight, "Access-Control-Allow-Credentials"));

        // The actual request: the AU's script may read the version, consistency and ETag headers.
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var get = new HttpRequestMessage(HttpMethod.Get, "/xapi/statements?limit=1");
        get.Headers.Add("Origin", Vendor);
        var response = await lrs.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers");
        Assert.All(["ETag", "X-Experience-API-Version", "X-Experience-API-Consistent-Through"], h => Assert.Contains(h, exposed, StringComparison.Ordinal));

        // The cmi5 fetch URL (the one-time code in the URL is the credential).
        var fetch = await client.SendAsync(Preflight($"/cmi5/fetch/{Guid.NewGuid():N}?k=x", "POST", "content-type"));
        Assert.Equal("*", Header(fetch, "Access-Control-Allow-Origin"));

        // Pages and the HTTP API are not for other sites' scripts.
        var api = await client.SendAsync(Preflight("/api/v1/staff", "GET", "content-type"));
        Assert.Equal("", Header(api, "Access-Control-Allow-Origin"));
        var page = new HttpRequestMessage(HttpMethod.Get, "/learning");
        page.Headers.Add("Origin", Vendor);
        Assert.Equal("", Header(await client.SendAsync(page), "Access-Control-Allow-Origin"));
    }
}
