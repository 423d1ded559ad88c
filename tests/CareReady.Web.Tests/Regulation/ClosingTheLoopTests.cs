using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Regulation;

/// <summary>After a change is applied, publishing the updated module closes its review flag, and passing it gives a full, uncapped certification.</summary>
public class ClosingTheLoopTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publishing_the_updated_module_closes_the_flag_and_passing_it_restores_a_full_certification(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var id = await RegulatoryChangeTests.ProposeAsync(lead);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsJsonAsync($"/api/v1/regulation/changes/{id}/apply", new { action = "RequireUpdate", deadline = new DateOnly(2026, 6, 30) })).StatusCode);
        var registry = await lead.GetFromJsonAsync<JsonElement>("/api/v1/regulation/registry");
        Assert.Equal(TestModules.Code, Assert.Single(registry.GetProperty("flags").EnumerateArray()).GetProperty("moduleCode").GetString());

        // Version 2 of the module, citing the 2025 guidelines, published straight from a package.
        var files = TestPackage.Good();
        files["module.yaml"] = files["module.yaml"]
            .Replace("code: HAND-HYGIENE", "code: " + TestModules.Code, StringComparison.Ordinal)
            .Replace("CSTF-IPC-1", "CSTF-RES-2A", StringComparison.Ordinal)
            .Replace("lessons:", $"guidelines:\n  - source: \"{RegulationScenario.Source}\"\n    version: \"2025\"\nlessons:", StringComparison.Ordinal);
        var imported = await lead.PostAsync("/api/v1/modules/packages", TestPackage.Form(TestPackage.Zip(files), publish: true));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var versionId = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionId").GetInt32();

        registry = await lead.GetFromJsonAsync<JsonElement>("/api/v1/regulation/registry");
        Assert.Empty(registry.GetProperty("flags").EnumerateArray());
        await using (var db = app.NewDbContext())
        {
            var flag = await db.ContentReviewFlags.AsNoTracking().SingleAsync();
            Assert.Equal(versionId, flag.ClosedByVersionId);
            Assert.NotNull(flag.ClosedAt);
        }

        // Nurse A passes the updated module: a new cycle from today, not capped.
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attempt = await TestModules.StartAttemptAsync(learner, scenario.ModuleId);
        var submit = await learner.PostAsJsonAsync($"/api/v1/attempts/{attempt.GetProperty("id").GetInt64()}/submit",
            new { responses = attempt.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("position").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                i => i.GetProperty("questionKey").GetString() == "HH-Q01" ? "true" : "25") });
        Assert.True((await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("passed").GetBoolean());
        var person = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}");
        var bls = person.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
        Assert.Equal(("Up to date", "2027-03-02"), (bls.GetProperty("label").GetString(), bls.GetProperty("expiresOn").GetString()));
        Assert.Equal(JsonValueKind.Null, bls.GetProperty("change").ValueKind);
    }
}
