using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Pathways;

/// <summary>The organisation's refresher settings: compliance leads set the target retention and fit weights; nobody else.</summary>
public class RefresherSettingsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_compliance_lead_sets_the_target_retention_within_range_and_fitting_waits_for_enough_reviews(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        Assert.Equal(0.9, (await compliance.GetFromJsonAsync<JsonElement>("/api/v1/pathways/settings")).GetProperty("targetRetention").GetDouble());
        var bad = await compliance.PutAsJsonAsync("/api/v1/pathways/settings", new { targetRetention = 1.5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("Target retention must be between 0.7 and 0.97", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("targetRetention")[0].GetString(), StringComparison.Ordinal);
        var good = await compliance.PutAsJsonAsync("/api/v1/pathways/settings", new { targetRetention = 0.85 });
        Assert.Equal(0.85, (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targetRetention").GetDouble());

        var fit = await (await compliance.PostAsync("/api/v1/pathways/settings/fit", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(fit.GetProperty("fitted").GetBoolean());
        Assert.Equal(1000, fit.GetProperty("minimumReviews").GetInt32());
        Assert.Equal((0, JsonValueKind.Null), (fit.GetProperty("reviews").GetInt32(), fit.GetProperty("logLossBefore").ValueKind));
        Assert.Contains("Refresher settings", await compliance.GetStringAsync("/pathways/manage"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/v1/pathways/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PutAsJsonAsync("/api/v1/pathways/settings", new { targetRetention = 0.8 })).StatusCode);

        using var otherOrg = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(0.9, (await otherOrg.GetFromJsonAsync<JsonElement>("/api/v1/pathways/settings")).GetProperty("targetRetention").GetDouble());
    }
}
