using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using static CareReady.Web.Tests.Simulation.SimulationPlay;

namespace CareReady.Web.Tests.Simulation;

/// <summary>Scenario versions cite guideline versions (issue 8): a regulatory change's impact preview lists the scenarios citing the old version.</summary>
public class ScenarioGuidelineTests
{
    private const string News2 = "Royal College of Physicians National Early Warning Score (NEWS) 2";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_impact_preview_lists_the_scenario_versions_citing_the_old_guideline_version(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Simulation:IngestEnabled"] = "false" });
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);

        // Citations are checked like the rest of the file.
        var twice = SeedFile("deteriorating-adult.json").Replace(
            "\"guidelines\": [{ \"source\": \"" + News2 + "\", \"version\": \"2017\" }]",
            "\"guidelines\": [{ \"source\": \"" + News2 + "\", \"version\": \"2017\" }, { \"source\": \"" + News2 + "\", \"version\": \"2017\" }, { \"source\": \"NICE CG50\" }]",
            StringComparison.Ordinal);
        var refused = await educator.PostAsync("/api/v1/simulations", new StringContent(twice, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var paths = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.guidelines[1]", "$.guidelines[2].version"], paths);

        // Published (the registry learns NEWS2 2017 from it), then a draft of version 2 that still cites it.
        await PublishAsync(app);
        await UploadAsync(educator, SeedFile("deteriorating-adult.json"));
        await PublishAsync(app, "sepsis-screening.json"); // cites NICE NG51 only

        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var proposed = await lead.PostAsJsonAsync("/api/v1/regulation/changes", new
        {
            sourceName = News2, newVersion = "2026", title = "NEWS2 revised", summary = "Revised scoring.", severity = "UpdateTraining",
            effectiveFrom = new DateOnly(2026, 4, 1),
        });
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var impact = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/regulation/changes/{id}/impact");
        var scenarios = impact.GetProperty("scenarios").EnumerateArray()
            .Select(s => (s.GetProperty("code").GetString(), s.GetProperty("versionNumber").GetInt32(), s.GetProperty("status").GetString())).ToList();
        Assert.Equal([(Deteriorating, 1, "Published"), (Deteriorating, 2, "Draft")], scenarios);
        Assert.Empty(impact.GetProperty("content").EnumerateArray());

        var page = await lead.GetStringAsync($"/regulation/changes/{id}");
        Assert.Contains("data-testid=\"citing-scenarios\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/simulations/authoring/{Deteriorating}/versions/1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SIM-SEPSIS-SCREENING", page, StringComparison.Ordinal);
    }
}
