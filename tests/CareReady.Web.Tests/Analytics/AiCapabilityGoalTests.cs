using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Analytics;

/// <summary>"60% of band 6+ nurses at AI-capability level 2": goals over a group of staff and the AI &amp; digital capability levels they hold.</summary>
public class AiCapabilityGoalTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_AI_capability_goal_counts_the_group_it_names_and_moves_when_one_of_them_qualifies(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);

        // Precise errors, nothing saved.
        var bad = await compliance.PostAsJsonAsync("/api/v1/analytics/goals",
            new { name = "AI", subjectCode = "CSTF-IG", aiLevel = 7, staffGroupCode = "NURSES", minBand = 12, targetPercent = 60, dueOn = "2026-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["aiLevel", "minBand", "staffGroupCode", "subjectCode"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Empty(await compliance.GetFromJsonAsync<JsonElement[]>("/api/v1/analytics/goals") ?? []);

        // Band 6+ registered nurses: only the ward manager (band 7); band 5+: the two staff nurses too.
        foreach (var (name, band) in new[] { ("Band 6+ nurses at AI level 2", 6), ("Band 5+ nurses at AI level 2", 5) })
        {
            var created = await compliance.PostAsJsonAsync("/api/v1/analytics/goals",
                new { name, aiLevel = 2, staffGroupCode = "NMR", minBand = band, targetPercent = 60, dueOn = "2026-12-31" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        async Task<Dictionary<string, double?>> TodayAsync() =>
            (await compliance.GetFromJsonAsync<JsonElement[]>("/api/v1/analytics/goals"))!.ToDictionary(
                g => g.GetProperty("name").GetString()!,
                g => g.GetProperty("currentPercent").ValueKind == JsonValueKind.Null ? null : (double?)g.GetProperty("currentPercent").GetDouble());

        Assert.Equal(0, (await TodayAsync())["Band 6+ nurses at AI level 2"]);

        // The ward manager (Dev, band 7) is recognised at level 3 in one domain: level 2+ is met.
        int manager;
        await using (var db = app.NewDbContext())
        {
            manager = db.Staff.Single(s => s.OrganisationId == app.Data.OrgA && s.EmployeeNumber == "10000004").Id;
        }

        var recorded = await compliance.PostAsJsonAsync($"/api/v1/people/{manager}/prior-learning",
            new { competencyCode = "AIDHT-D1-L3", completedOn = "2026-02-10", source = "Regional AI fellowship" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var today = await TodayAsync();
        Assert.Equal(100, today["Band 6+ nurses at AI level 2"]);
        Assert.Equal(33.3, today["Band 5+ nurses at AI level 2"]!.Value, 1);

        var goal = (await compliance.GetFromJsonAsync<JsonElement[]>("/api/v1/analytics/goals"))!.First(g => g.GetProperty("name").GetString() == "Band 6+ nurses at AI level 2");
        Assert.Contains("AI & digital capability level 2+", goal.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("band 6+", goal.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }
}
