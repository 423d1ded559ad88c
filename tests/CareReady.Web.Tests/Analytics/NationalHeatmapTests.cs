using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Analytics;

/// <summary>The national heatmap: every organisation's figures, the same as their own dashboards, for national analysts only.</summary>
public class NationalHeatmapTests
{
    private const string NationalEmail = "national@a.example";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_national_analyst_sees_each_organisations_dashboard_figures_and_nobody_else_does(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = NationalEmail, Email = NationalEmail, EmailConfirmed = true, OrganisationId = app.Data.OrgA, DisplayName = "National analyst" };
            Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.NationalAnalyst)).Succeeded);
        }

        var national = await app.SignedInClientAsync(NationalEmail);
        var view = await national.GetFromJsonAsync<JsonElement>("/api/v1/analytics/national");
        var rows = view.GetProperty("organisations").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(["RTA", "RTB"], rows.Keys.Order(StringComparer.Ordinal));

        // Alpha's row is Alpha's own dashboard today (organisation-wide), subject by subject.
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var dashboard = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/analytics/dashboard");
        var own = dashboard.GetProperty("trend").EnumerateArray().Last().GetProperty("bySubject");
        var alpha = rows["RTA"].GetProperty("bySubject");
        Assert.Equal(Figures(own), Figures(alpha));
        Assert.Equal(1, rows["RTB"].GetProperty("people").GetInt32()); // Beta's one nurse

        // The total adds the organisations up.
        var total = Figures(view.GetProperty("total").GetProperty("bySubject"));
        var sum = rows.Values.SelectMany(r => Figures(r.GetProperty("bySubject"))).GroupBy(x => x.Subject)
            .Select(g => (Subject: g.Key, Required: g.Sum(x => x.Required), Compliant: g.Sum(x => x.Compliant))).OrderBy(x => x.Subject).ToList();
        Assert.Equal(sum, total);
        Assert.Contains(total, t => t.Required >= 2); // fire safety is needed in both trusts

        var csv = await national.GetStringAsync("/api/v1/analytics/national.csv");
        Assert.StartsWith("Day,Organisation code,Organisation,People,Subject code,Subject,Required,Compliant,Percent", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(",RTB,Beta Test Hospitals NHS Trust,1,CSTF-FIRE,", csv, StringComparison.Ordinal);
        var page = await national.GetStringAsync("/analytics/national");
        Assert.Contains("Beta Test Hospitals NHS Trust", page, StringComparison.Ordinal);

        // Nobody else sees it; the analyst sees no organisation's dashboard and no one's record.
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/analytics/national")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await compliance.GetAsync("/api/v1/analytics/national.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync("/api/v1/analytics/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/api/v1/people/{app.Data.NurseA.Id}")).StatusCode); // out of scope, as everywhere
    }

    private static List<(int Subject, int Required, int Compliant)> Figures(JsonElement bySubject) =>
        bySubject.EnumerateObject().Select(p => (int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture),
            p.Value.GetProperty("required").GetInt32(), p.Value.GetProperty("compliant").GetInt32())).OrderBy(x => x.Item1).ToList();
}
