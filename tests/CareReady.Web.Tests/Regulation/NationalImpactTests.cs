using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Regulation;

/// <summary>The national impact preview against <see cref="RegulationScenario"/>: each organisation's row is its own preview; national analysts only.</summary>
public class NationalImpactTests
{
    private const string NationalEmail = "national@a.example";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_national_analyst_sees_who_rests_on_a_guideline_in_every_organisation_and_nobody_else_does(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RegulationScenario.SeedAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = NationalEmail, Email = NationalEmail, EmailConfirmed = true, OrganisationId = app.Data.OrgA, DisplayName = "National analyst" };
            Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.NationalAnalyst)).Succeeded);
        }

        var national = await app.SignedInClientAsync(NationalEmail);
        var cited = await national.GetFromJsonAsync<JsonElement[]>("/api/v1/regulation/national/guidelines") ?? [];
        var resus = Assert.Single(cited, c => c.GetProperty("source").GetString() == RegulationScenario.Source);
        Assert.Equal(RegulationScenario.OldVersion, resus.GetProperty("version").GetString());
        Assert.Equal(2, resus.GetProperty("organisations").GetInt32());
        Assert.Contains(cited, c => c.GetProperty("source").GetString() == "Regulatory Reform (Fire Safety) Order 2005" && c.GetProperty("organisations").GetInt32() == 1);

        // Alpha: nurse A only (not nurse B with a later record from elsewhere, not the leaver, not the clerk's fire
        // module); Beta: its nurse, from Beta's own module citing the same guideline.
        var impact = await national.GetFromJsonAsync<JsonElement>(
            $"/api/v1/regulation/national/impact?source={Uri.EscapeDataString(RegulationScenario.Source)}&version={RegulationScenario.OldVersion}");
        Assert.Equal(2, impact.GetProperty("people").GetInt32());
        Assert.Equal(2, impact.GetProperty("certifications").GetInt32());
        var rows = impact.GetProperty("byOrganisation").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(["RTA", "RTB"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, r => Assert.Equal((1, 1, 1), (r.GetProperty("citingVersions").GetInt32(), r.GetProperty("people").GetInt32(), r.GetProperty("certifications").GetInt32())));
        Assert.Equal("CSTF-RES-2A", Assert.Single(impact.GetProperty("byCompetency").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal(2, impact.GetProperty("byStaffGroup").EnumerateArray().Sum(g => g.GetProperty("people").GetInt32()));

        // Alpha's row is what Alpha's compliance lead sees in its own preview of a change to that version.
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var id = await RegulatoryChangeTests.ProposeAsync(lead);
        var own = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/regulation/changes/{id}/impact");
        Assert.Equal(own.GetProperty("certifications").GetInt32(), rows["RTA"].GetProperty("certifications").GetInt32());
        Assert.Equal(own.GetProperty("people").GetInt32(), rows["RTA"].GetProperty("people").GetInt32());

        // The page: the choice, then the figures.
        var html = await national.GetStringAsync("/regulation/national?guideline=" + Uri.EscapeDataString(Uri.EscapeDataString(RegulationScenario.Source) + "/" + RegulationScenario.OldVersion));
        Assert.Contains("data-testid=\"national-impact-certifications\">2<", html, StringComparison.Ordinal);
        Assert.Contains("Beta Test Hospitals NHS Trust", html, StringComparison.Ordinal);

        // A missing field is named; nobody else sees any of it, and the analyst sees no organisation's changes.
        var missing = await national.GetAsync("/api/v1/regulation/national/impact?source=x");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("version", out _));
        foreach (var email in new[] { TestData.ComplianceEmail, TestData.AdminEmail, TestData.ManagerEmail, TestData.LearnerEmail })
        {
            var client = await app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/regulation/national/guidelines")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/regulation/national/impact?source=a&version=b")).StatusCode);
            var page = await client.GetAsync("/regulation/national");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/account/access-denied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/api/v1/regulation/changes/{id}/impact")).StatusCode);
    }
}
