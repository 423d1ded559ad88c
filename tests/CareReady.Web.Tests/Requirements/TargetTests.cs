using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Requirements;

public class TargetTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Targets_default_to_90_and_rule_editors_change_them_within_bounds(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);

        static decimal TargetOf(JsonElement list, string code) =>
            list.EnumerateArray().Single(t => t.GetProperty("subjectCode").GetString() == code).GetProperty("targetPercent").GetDecimal();

        var before = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/targets");
        Assert.Equal(90m, TargetOf(before, "CSTF-IG"));

        Assert.Equal(HttpStatusCode.NoContent, (await compliance.PutAsJsonAsync("/api/v1/targets/CSTF-IG", new { targetPercent = 95 })).StatusCode);
        var tooLow = await compliance.PutAsJsonAsync("/api/v1/targets/CSTF-FIRE", new { targetPercent = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLow.StatusCode);
        Assert.True((await tooLow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("TargetPercent", out _));

        var after = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/targets");
        Assert.Equal(95m, TargetOf(after, "CSTF-IG"));
        Assert.Equal(90m, TargetOf(after, "CSTF-FIRE"));

        // Organisation B still has the default; a manager may read but not change.
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(90m, TargetOf(await other.GetFromJsonAsync<JsonElement>("/api/v1/targets"), "CSTF-IG"));
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/v1/targets/CSTF-IG", new { targetPercent = 85 })).StatusCode);
    }
}
