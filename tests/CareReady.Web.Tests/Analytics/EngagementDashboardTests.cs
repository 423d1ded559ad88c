using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;

namespace CareReady.Web.Tests.Analytics;

/// <summary>Engagement counts a passed module in the learner's units only, with the module's minutes.</summary>
public class EngagementDashboardTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_passed_module_counts_in_the_learners_ward_and_division_and_nowhere_else(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);

        async Task<Dictionary<string, (int Staff, int Active, int Completions, int Minutes)>> EngagementAsync()
        {
            var dashboard = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/analytics/dashboard?unit=D-MED");
            return dashboard.GetProperty("engagement").EnumerateArray().ToDictionary(
                r => r.GetProperty("unit").GetProperty("code").GetString()!,
                r => (r.GetProperty("staff").GetInt32(), r.GetProperty("activeLearners").GetInt32(), r.GetProperty("completions").GetInt32(), r.GetProperty("minutesLearned").GetInt32()));
        }

        var before = await EngagementAsync();
        var (moduleId, _) = await TestModules.AddAsync(app, app.Data.OrgA);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail); // Amara, Ward A
        var attempt = await TestModules.StartAttemptAsync(learner, moduleId);
        var submitted = await learner.PostAsJsonAsync($"/api/v1/attempts/{attempt.GetProperty("id").GetInt64()}/submit",
            new { responses = TestModules.Responses(attempt, TestModules.RightAnswers) });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var after = await EngagementAsync();

        foreach (var unit in new[] { "WARD-A", "D-MED" })
        {
            Assert.Equal(before[unit].Completions + 1, after[unit].Completions);
            Assert.Equal(before[unit].Minutes + 20, after[unit].Minutes); // the module's estimated minutes
            Assert.InRange(after[unit].Active, Math.Max(1, before[unit].Active), before[unit].Active + 1);
            Assert.Equal(before[unit].Staff, after[unit].Staff);
        }

        Assert.Equal(before["WARD-B"], after["WARD-B"]);
    }
}
