using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Analytics;

/// <summary>
/// The seeded demo trust through the front door: the impact analysis finds the planted infection effect and
/// none in falls; the CLI prints the same JSON; a manager sees only their units' figures; an executive sees
/// the trust and sets a goal.
/// </summary>
public class DemoImpactTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Password = "Demo-password-2026";
    private const double Planted = DemoImpact.InfectionEffect;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Impact_finds_the_planted_effect_and_figures_are_scoped(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                new DemoOptions(DemoOptions.DefaultSeed, 900, DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime), Password));
        }

        var executive = app.NewClient();
        await executive.SignInAsync(DemoSeeder.ExecutiveEmail, Password);
        var manager = app.NewClient();
        await manager.SignInAsync(DemoSeeder.ManagerEmail, Password);

        // Infections: the planted -0.8 lies inside the interval, which leaves zero out; compliance that rose goes with infections that
        // fell (with 900 staff the wards are small and compliance changes noisy, so only the sign is checked here; the full-size
        // demo's interval is checked in CareReady.Core.Tests PlantedEffectTests).
        var haiView = await executive.GetFromJsonAsync<JsonElement>("/api/v1/analytics/impact?measure=HAI&subject=CSTF-IPC");
        var hai = haiView.GetProperty("summary");
        output.WriteLine(haiView.ToString());
        var did = Interval(hai, "did_ci95");
        Assert.Equal(("HAI", "CSTF-IPC", 21, 24), (hai.GetProperty("measure").GetString(), hai.GetProperty("subject").GetString(), hai.GetProperty("units").GetInt32(), hai.GetProperty("periods").GetInt32()));
        Assert.True(did.Low <= Planted && Planted <= did.High && did.High < 0, $"DiD interval {did} holds {Planted} and leaves out 0");
        Assert.True(hai.GetProperty("association").GetDouble() < 0);

        // Falls: no effect planted, none found by the before/after comparison, and the words say so. (A 95% interval for the
        // association leaves out a true zero 1 time in 20 — at this small size it may; CalibrationTests measure the rate.)
        var fallsView = await executive.GetFromJsonAsync<JsonElement>("/api/v1/analytics/impact?measure=FALLS&subject=CSTF-IPC");
        var falls = fallsView.GetProperty("summary");
        Assert.True(Interval(falls, "did_ci95").Low < 0 && Interval(falls, "did_ci95").High > 0);
        Assert.Contains("did not clearly change differently", fallsView.GetProperty("interpretation")[1].GetString());
        Assert.Contains("association, not proof of cause", fallsView.GetProperty("interpretation")[2].GetString());

        // The CLI prints the same summary as its last line.
        var cli = await CliRunner.RunAsync(app, null, "report", "impact", "--measure", "HAI", "--subject", "CSTF-IPC", "--org", "RZZ");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using (var line = JsonDocument.Parse(cli.StdOut.TrimEnd().Split('\n')[^1]))
        {
            Assert.Equal(["association", "association_ci95", "did_ci95", "did_estimate", "measure", "periods", "subject", "units"],
                line.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(hai.GetProperty("did_estimate").GetDouble(), line.RootElement.GetProperty("did_estimate").GetDouble(), 6);
            Assert.Equal(21, line.RootElement.GetProperty("units").GetInt32());
        }

        Assert.Equal(2, (await CliRunner.RunAsync(app, null, "report", "impact", "--measure", "NOPE", "--subject", "CSTF-IPC", "--org", "RZZ")).ExitCode);

        // The manager (Acute Medicine: three wards) sees only those wards, in the impact view, the dashboard and its CSV.
        var mine = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/analytics/impact?measure=HAI&subject=CSTF-IPC")).GetProperty("units")
            .EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.Equal(["WARD-7A", "WARD-7B", "WARD-AMU"], mine.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/analytics/impact?measure=HAI&subject=CSTF-IPC&unit=ED-MAJORS")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/analytics/dashboard?unit=ED")).StatusCode);
        var dashboard = await manager.GetFromJsonAsync<JsonElement>("/api/v1/analytics/dashboard");
        var units = dashboard.GetProperty("heatmap").EnumerateArray().Select(h => h.GetProperty("unit").GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ACUTE-MED", "WARD-7A", "WARD-7B", "WARD-AMU"], units);
        Assert.Equal("Acute Medicine", dashboard.GetProperty("focusName").GetString());
        var csv = await manager.GetStringAsync("/api/v1/analytics/dashboard/risk.csv");
        var codes = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0].Trim('\uFEFF')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(units, codes);

        // The executive sees every department of the trust, and the trust-wide trend.
        var trust = await executive.GetFromJsonAsync<JsonElement>("/api/v1/analytics/dashboard");
        Assert.Equal("Thameside University Hospitals NHS Foundation Trust", trust.GetProperty("focusName").GetString());
        Assert.Contains("ED", trust.GetProperty("heatmap").EnumerateArray().Select(h => h.GetProperty("unit").GetProperty("code").GetString()));
        Assert.Equal(12, trust.GetProperty("trend").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await executive.GetAsync("/api/v1/analytics/dashboard/pie.csv")).StatusCode);

        // Goals: the executive sets one and sees progress; a manager may not set one; bad input is named field by field.
        var goal = await executive.PostAsJsonAsync("/api/v1/analytics/goals", new { name = "IG compliance ≥ 95% by 31 March", subjectCode = "CSTF-IG", targetPercent = 95, dueOn = "2026-03-31" });
        Assert.Equal(HttpStatusCode.Created, goal.StatusCode);
        var goals = await executive.GetFromJsonAsync<JsonElement>("/api/v1/analytics/goals");
        var g = Assert.Single(goals.EnumerateArray());
        Assert.InRange(g.GetProperty("currentPercent").GetDouble(), 1, 100);
        Assert.InRange(g.GetProperty("forecastPercent").GetDouble(), 0, 100);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/analytics/goals", new { name = "x", subjectCode = "CSTF-IG", targetPercent = 95, dueOn = "2026-03-31" })).StatusCode);
        Assert.Empty((await manager.GetFromJsonAsync<JsonElement>("/api/v1/analytics/goals")).EnumerateArray());
        var bad = await executive.PostAsJsonAsync("/api/v1/analytics/goals", new { name = "", subjectCode = "NOPE", targetPercent = 120, dueOn = "2020-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal(["dueOn", "name", "subjectCode", "targetPercent"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_render_for_leaders_and_stay_scoped_for_managers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                new DemoOptions(DemoOptions.DefaultSeed, 400, DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime), Password));
        }

        var executive = app.NewClient();
        await executive.SignInAsync(DemoSeeder.ExecutiveEmail, Password);
        var trust = await executive.GetStringAsync("/analytics");
        Assert.Contains("Thameside University Hospitals NHS Foundation Trust", trust);
        Assert.Contains("Emergency Department", trust);
        Assert.Equal(4, trust.Split("<svg class=\"app-chart\"").Length - 1);
        Assert.Contains("/api/v1/analytics/dashboard/heatmap.csv", trust);
        var impact = await executive.GetStringAsync("/analytics/impact?Measure=HAI&Subject=CSTF-IPC");
        Assert.Contains("association, not proof of cause", impact);
        Assert.Contains("Units in the analysis", impact);
        Assert.Contains("Set a goal", await executive.GetStringAsync("/analytics/goals"));
        Assert.Contains("Hospital-acquired infections", await executive.GetStringAsync("/analytics/measures"));

        var manager = app.NewClient();
        await manager.SignInAsync(DemoSeeder.ManagerEmail, Password);
        var mine = await manager.GetStringAsync("/analytics");
        Assert.Contains("Ward 7A (Respiratory)", mine);
        Assert.DoesNotContain("Emergency Department", mine);
        Assert.DoesNotContain("Set a goal", await manager.GetStringAsync("/analytics/goals"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/analytics?Unit=ED")).StatusCode);

        var learner = app.NewClient();
        await learner.SignInAsync(DemoSeeder.LearnerEmail, Password);
        var denied = await learner.GetAsync("/analytics");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.ToString());
    }

    private static (double Low, double High) Interval(JsonElement summary, string name)
    {
        var a = summary.GetProperty(name);
        return (a[0].GetDouble(), a[1].GetDouble());
    }
}
