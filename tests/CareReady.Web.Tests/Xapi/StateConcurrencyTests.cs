using System.Net;
using System.Text;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// Concurrency on the State resource, which the two versions treat differently: 1.0.3 (Communication
/// 3.1) lets a PUT overwrite a State document without If-Match / If-None-Match; 2.0 (IEEE 9274.1.1,
/// 4.1.4) answers 409 and changes nothing, as for profiles. Preconditions that are given apply in both.
/// </summary>
public class StateConcurrencyTests
{
    public static TheoryData<DatabaseProvider, string> ProvidersAndVersions => new()
    {
        { DatabaseProvider.Sqlite, "1.0.3" },
        { DatabaseProvider.Sqlite, "2.0.0" },
        { DatabaseProvider.Postgres, "1.0.3" },
        { DatabaseProvider.Postgres, "2.0.0" },
    };

    private static HttpRequestMessage Put(string url, string json, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return request;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndVersions))]
    public async Task A_state_put_without_headers_over_an_existing_document_is_allowed_in_1_0_3_and_a_conflict_in_2_0(DatabaseProvider provider, string version)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, version);
        var url = $"/xapi/activities/state?activityId={Uri.EscapeDataString("https://careready.example/activities/fire-safety")}&agent={Lrs.Agent()}&stateId=bookmark";

        // Creating needs no header in either version.
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.SendAsync(Put(url, "{\"page\":1}"))).StatusCode);

        var overwrite = await lrs.SendAsync(Put(url, "{\"page\":2}"));
        if (version == "1.0.3")
        {
            Assert.Equal(HttpStatusCode.NoContent, overwrite.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, overwrite.StatusCode);
            Assert.Contains("If-Match", await Lrs.DetailAsync(overwrite), StringComparison.Ordinal);
        }

        var expected = version == "1.0.3" ? "{\"page\":2}" : "{\"page\":1}";
        var get = await lrs.GetAsync(url);
        Assert.Equal(expected, await get.Content.ReadAsStringAsync());

        // Given preconditions hold in both versions: a stale If-Match and If-None-Match: * fail with 412 and change nothing.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await lrs.SendAsync(Put(url, "{\"page\":3}", ifMatch: "\"1111111111111111111111111111111111111111\""))).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await lrs.SendAsync(Put(url, "{\"page\":3}", ifNoneMatch: "*"))).StatusCode);
        Assert.Equal(expected, await (await lrs.GetAsync(url)).Content.ReadAsStringAsync());

        // The current ETag lets the write through.
        Assert.Equal(HttpStatusCode.NoContent, (await lrs.SendAsync(Put(url, "{\"page\":4}", ifMatch: get.Headers.ETag!.Tag))).StatusCode);
        Assert.Equal("{\"page\":4}", await (await lrs.GetAsync(url)).Content.ReadAsStringAsync());
    }
}
