using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Simulation;

namespace CareReady.Web.Tests.Analytics;

/// <summary>The AI-readiness dashboard shows each unit's appropriate reliance from its people's simulations.</summary>
public class SimulationRelianceDashboardTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_units_simulation_reliance_appears_once_its_people_have_played(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);

        static double? Reliance(JsonElement dashboard, string unit)
        {
            var row = dashboard.GetProperty("aiReadiness").EnumerateArray().Single(r => r.GetProperty("unit").GetProperty("code").GetString() == unit);
            var value = row.GetProperty("simulationReliance");
            return value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
        }

        var before = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/analytics/dashboard?unit=D-MED");
        Assert.Null(Reliance(before, "WARD-A"));

        // Nurse A (Ward A) keeps her right answer against the wrong AI once and switches to it once: RSR 1/2,
        // no case where she was wrong and the AI right (RAIR not measurable) — the score is RSR alone.
        await SimulationPlay.PublishAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        await SimulationPlay.PlayWithOneOverRelianceAsync(learner);

        var after = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/analytics/dashboard?unit=D-MED");
        Assert.Equal(0.5, Reliance(after, "WARD-A"));
        Assert.Null(Reliance(after, "WARD-B"));
        Assert.Equal(0.5, Reliance(after, "D-MED")); // the division counts the people of its wards

        // Simulation performance: one player, one run; of the two AI-wrong decisions she got one right and followed the AI once.
        var wardA = after.GetProperty("simulation").EnumerateArray().Single(r => r.GetProperty("unit").GetProperty("code").GetString() == "WARD-A");
        Assert.Equal(1, wardA.GetProperty("players").GetInt32());
        Assert.Equal(1, wardA.GetProperty("runs").GetInt32());
        Assert.Equal(0.5, wardA.GetProperty("accuracyWhenAiWrong").GetDouble());
        Assert.Equal(0.5, wardA.GetProperty("overRelianceRate").GetDouble());
        var wardB = after.GetProperty("simulation").EnumerateArray().Single(r => r.GetProperty("unit").GetProperty("code").GetString() == "WARD-B");
        Assert.Equal(0, wardB.GetProperty("players").GetInt32());
        var csv = await compliance.GetStringAsync("/api/v1/analytics/dashboard/simulation.csv?unit=D-MED");
        Assert.Contains("WARD-A,Ward A,1,1,", csv, StringComparison.Ordinal);
    }
}
