using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Analytics;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Analytics;

/// <summary>
/// Dashboards read the compliance engine a trust loaded at most <see cref="ComplianceHistory.MaxAge"/> ago; an
/// older engine keeps answering while a new one loads in the background, then the new figures show.
/// </summary>
public class DashboardRefreshTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_completion_shows_after_the_background_reload_and_no_request_waits_for_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var before = await WardBAsync(compliance);
        Assert.Equal(0, before.Compliant);

        var recorded = await compliance.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseB.Id}/prior-learning",
            new { competencyCode = "CSTF-RES-3A", completedOn = "2026-02-20", source = "Northwick Park NHS Trust" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(before, await WardBAsync(compliance)); // the engine loaded a moment ago still answers

        app.Clock.Advance(ComplianceHistory.MaxAge + TimeSpan.FromMinutes(1));
        Assert.Equal(before, await WardBAsync(compliance)); // stale: answered at once from the held engine, a reload starts
        await app.Services.GetRequiredService<ComplianceHistory>().ReloadOf(app.Data.OrgA);

        var after = await WardBAsync(compliance);
        Assert.Equal(1, after.Compliant);
        Assert.True(after.Weighted < before.Weighted, $"weighted gaps {before.Weighted} → {after.Weighted}");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Figures_older_than_the_stale_limit_are_not_shown_the_request_waits_for_fresh_ones(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Equal(0, (await WardBAsync(compliance)).Compliant);
        var recorded = await compliance.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseB.Id}/prior-learning",
            new { competencyCode = "CSTF-RES-3A", completedOn = "2026-02-20", source = "Northwick Park NHS Trust" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        app.Clock.Advance(ComplianceHistory.MaxStale + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await WardBAsync(compliance)).Compliant);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Keeping_engines_warm_loads_every_organisation_at_start(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Analytics:KeepEnginesWarm"] = "true" });
        var history = app.Services.GetRequiredService<ComplianceHistory>();
        for (var i = 0; i < 600 && !(history.IsHeld(app.Data.OrgA) && history.IsHeld(app.Data.OrgB)); i++)
        {
            // The host started before the test data was written; its next round comes MaxAge later on the test clock.
            if (i % 10 == 0)
            {
                app.Clock.Advance(ComplianceHistory.MaxAge);
            }

            await Task.Delay(100);
        }

        Assert.True(history.IsHeld(app.Data.OrgA) && history.IsHeld(app.Data.OrgB), "both organisations' engines are held without anyone visiting");
    }

    private static async Task<(int Compliant, int WithGaps, int Weighted)> WardBAsync(HttpClient client)
    {
        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/dashboard?unit=D-MED");
        var resus = dashboard.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "CSTF-RES").GetProperty("id").GetInt32();
        var heat = dashboard.GetProperty("heatmap").EnumerateArray().Single(r => r.GetProperty("unit").GetProperty("code").GetString() == "WARD-B");
        var risk = dashboard.GetProperty("risk").EnumerateArray().Single(r => r.GetProperty("unit").GetProperty("code").GetString() == "WARD-B");
        Assert.Equal(1, risk.GetProperty("peopleInScope").GetInt32()); // Ben, a registered nurse with patient contact
        return (heat.GetProperty("bySubject").GetProperty(resus.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("compliant").GetInt32(),
            risk.GetProperty("peopleWithGaps").GetInt32(), risk.GetProperty("weightedGaps").GetInt32());
    }
}
