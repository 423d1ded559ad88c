using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Compliance;

/// <summary>Summary against target, team matrix, action lists and "as of" — through the API and pages.</summary>
public class ComplianceViewTests
{
    private static (int Required, int Compliant, decimal Percent) Subject(JsonElement summary, string code)
    {
        var s = summary.GetProperty("subjects").EnumerateArray().Single(x => x.GetProperty("subjectCode").GetString() == code);
        return (s.GetProperty("required").GetInt32(), s.GetProperty("compliant").GetInt32(), s.GetProperty("percent").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Organisation_summary_counts_people_per_subject_against_target(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/summary");

        Assert.Equal(4, summary.GetProperty("people").GetInt32());
        Assert.Equal((4, 1, 25.0m), Subject(summary, "CSTF-FIRE"));   // only Nurse A has fire safety
        Assert.Equal((4, 0, 0.0m), Subject(summary, "CSTF-RES"));     // nobody has resuscitation
        // Overdue now: 3 without fire safety + 4 without resuscitation.
        Assert.Equal(7, summary.GetProperty("overdue").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task As_of_a_past_date_uses_what_was_true_then(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        // Nurse A completed fire safety on 2025-03-02; the day before, nobody was compliant.
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/summary?asOf=2025-03-01");
        Assert.Equal((4, 0, 0.0m), Subject(before, "CSTF-FIRE"));
        var on = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/summary?asOf=2025-03-02");
        Assert.Equal((4, 1, 25.0m), Subject(on, "CSTF-FIRE"));

        // A person who had not started yet is not counted on a date before their start.
        var early = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/summary?asOf=2019-12-31");
        Assert.Equal(0, early.GetProperty("people").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Manager_matrix_holds_only_their_ward_and_other_wards_are_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ManagerEmail);
        var matrix = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/matrix");
        var names = matrix.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["Amara Okafor", "Dev Sharma"], names);
        Assert.Equal(["CSTF-FIRE-1", "CSTF-RES-2A"], matrix.GetProperty("competencies").EnumerateArray().Select(c => c.GetString()));

        var amara = matrix.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Amara Okafor");
        var fire = amara.GetProperty("cells").GetProperty("CSTF-FIRE-1");
        Assert.Equal("Certified", fire.GetProperty("state").GetString());
        Assert.Equal("2027-03-02", fire.GetProperty("expiresOn").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/compliance/matrix?department={app.Data.WardB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/compliance/matrix?department={app.Data.WardB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compliance/matrix?sort=overdue&show=action")).StatusCode);

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/v1/compliance/summary")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Renewal_and_expiry_lists_and_exemptions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var today = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);
        await using (var db = app.NewDbContext())
        {
            var fire = await db.Competencies.SingleAsync(c => c.Code == "CSTF-FIRE-1");
            // Ben's fire safety (2-year refresher) was done 2 years minus 20 days ago: expires in 20 days.
            db.Completions.Add(new Completion { OrganisationId = app.Data.OrgA, StaffMemberId = app.Data.NurseB.Id, CompetencyId = fire.Id, CompletedOn = today.AddYears(-2).AddDays(20), Source = CompletionSource.Historic });
            // Chloe is exempt from fire safety until next month.
            db.Exemptions.Add(new Exemption { OrganisationId = app.Data.OrgA, StaffMemberId = app.Data.Clerk.Id, CompetencyId = fire.Id, Reason = "Long-term sick leave; refresher booked on return", ApprovedBy = "compliance@a.example", StartsOn = today.AddDays(-10), EndsOn = today.AddDays(30) });
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var due30 = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/actions?days=30");
        var item = Assert.Single(due30.EnumerateArray(), i => i.GetProperty("competencyCode").GetString() == "CSTF-FIRE-1");
        Assert.Equal("Ben Hughes", item.GetProperty("name").GetString());
        Assert.Equal("RenewalDue", item.GetProperty("state").GetString());
        Assert.Equal(20, item.GetProperty("daysLeft").GetInt32());

        var summary = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/summary");
        Assert.Equal((4, 3, 75.0m), Subject(summary, "CSTF-FIRE")); // Amara, Ben (renewal due), Chloe (exempt)

        var chloe = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.Clerk.Id}");
        var cell = chloe.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-FIRE-1");
        Assert.Equal("Exempt", cell.GetProperty("label").GetString());

        // When the exemption ends, she is overdue again.
        app.Clock.Advance(TimeSpan.FromDays(31));
        client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var later = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/actions");
        Assert.Contains(later.EnumerateArray(), i => i.GetProperty("name").GetString() == "Chloe Patel" && i.GetProperty("competencyCode").GetString() == "CSTF-FIRE-1");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Compliance_pages_render(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var html = await client.GetStringAsync("/compliance");
        Assert.Contains("Fire Safety", html, StringComparison.Ordinal);
        Assert.Contains("25.0%", html, StringComparison.Ordinal);
        var actions = await client.GetStringAsync("/compliance/actions");
        Assert.Contains("Ben Hughes", actions, StringComparison.Ordinal);
        var bad = await client.GetStringAsync("/compliance?asOf=31/03/2026");
        Assert.Contains("Enter the date as YYYY-MM-DD", bad, StringComparison.Ordinal);
    }
}
