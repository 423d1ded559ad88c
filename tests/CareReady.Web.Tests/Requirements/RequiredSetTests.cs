using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Requirements;

public class RequiredSetTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_person_sees_what_is_required_and_why(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.LearnerEmail);
        var me = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}");
        var requirements = me.GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("competencyCode").GetString()!);

        Assert.Equal(["CSTF-FIRE-1", "CSTF-RES-2A"], requirements.Keys.Order());
        var fire = requirements["CSTF-FIRE-1"];
        Assert.Equal("Up to date", fire.GetProperty("label").GetString());
        Assert.Equal("2027-03-02", fire.GetProperty("expiresOn").GetString()); // completed 2025-03-02 + 2 years
        Assert.Equal("Fire Safety — all staff", fire.GetProperty("reasons")[0].GetProperty("ruleName").GetString());
        Assert.Equal("all staff", fire.GetProperty("reasons")[0].GetProperty("audience").GetString());

        var resus = requirements["CSTF-RES-2A"];
        Assert.Equal("Overdue", resus.GetProperty("label").GetString());
        Assert.Equal("clinical staff", resus.GetProperty("reasons")[0].GetProperty("audience").GetString());

        var html = await client.GetStringAsync($"/people/{app.Data.NurseA.Id}");
        Assert.Contains("Why is this required?", html, StringComparison.Ordinal);
        Assert.Contains("Adult BLS — clinical staff", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Non_clinical_staff_get_the_non_clinical_level(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var clerk = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.Clerk.Id}");
        var codes = clerk.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("competencyCode").GetString()).Order();
        Assert.Equal(["CSTF-FIRE-1", "CSTF-RES-1"], codes);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Changing_role_changes_requirements_from_that_date_and_keeps_the_old_position(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var changeDay = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime).AddDays(10);
        await using (var db = app.NewDbContext())
        {
            var old = await db.Positions.SingleAsync(p => p.StaffMemberId == app.Data.Clerk.Id);
            old.EndDate = changeDay;
            db.Positions.Add(new Position
            {
                OrganisationId = app.Data.OrgA, StaffMemberId = app.Data.Clerk.Id, AssignmentNumber = "10000003-2",
                StaffGroupCode = "ACS", JobRole = "Healthcare Assistant", Band = "Band 3", DepartmentId = app.Data.WardB.Id,
                PatientContact = true, StartDate = changeDay,
            });
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        async Task<List<string?>> CodesAsync() =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.Clerk.Id}"))
                .GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("competencyCode").GetString()).Order().ToList();

        Assert.Equal(["CSTF-FIRE-1", "CSTF-RES-1"], await CodesAsync());
        app.Clock.Advance(TimeSpan.FromDays(10));
        client = await app.SignedInClientAsync(TestData.ComplianceEmail); // the 8-hour sign-in expired meanwhile
        Assert.Equal(["CSTF-FIRE-1", "CSTF-RES-2A"], await CodesAsync());

        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.Clerk.Id}");
        var positions = person.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(2, positions.Count);
        Assert.Single(positions, p => p.GetProperty("isCurrent").GetBoolean());

        // The new position is in ward B and still visible to the organisation, and a new-starter
        // grace period runs from the position's start: not overdue yet.
        var resus = person.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
        Assert.Equal("Not started", resus.GetProperty("label").GetString());
        Assert.Equal(changeDay.AddDays(30).ToString("yyyy-MM-dd"), resus.GetProperty("dueBy").GetString());
    }
}
