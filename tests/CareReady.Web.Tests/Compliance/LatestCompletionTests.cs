using System.Net;
using System.Net.Http.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CareReady.Web.Tests.Compliance;

/// <summary>
/// The latest-completion marker (what a regulatory change's preview and apply read) always sits on the
/// person's latest completion of each competency — by day, then by record — however completions arrive.
/// </summary>
public class LatestCompletionTests
{
    /// <summary>The definition, computed from the records: for each person × competency, the completion with the greatest (day, id).</summary>
    private static async Task<HashSet<long>> ExpectedAsync(AppDbContext db, int organisationId) =>
        [.. (await db.Completions.Where(c => c.OrganisationId == organisationId).Select(c => new { c.Id, c.StaffMemberId, c.CompetencyId, c.CompletedOn }).ToListAsync())
            .GroupBy(c => (c.StaffMemberId, c.CompetencyId))
            .Select(g => g.OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.Id).First().Id)];

    private static async Task<HashSet<long>> MarkedAsync(AppDbContext db, int organisationId) =>
        [.. await db.Completions.Where(c => c.OrganisationId == organisationId && c.IsLatest).Select(c => c.Id).ToListAsync()];

    private static Completion New(TestApp app, int staffId, int competencyId, DateOnly day) => new()
    {
        OrganisationId = app.Data.OrgA, StaffMemberId = staffId, CompetencyId = competencyId, CompletedOn = day,
        Source = CompletionSource.Historic, RecordedBy = "test", RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_marker_follows_the_latest_completion_through_saves_in_any_order_and_the_api(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var org = app.Data.OrgA;
        int competency;
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(await ExpectedAsync(db, org), await MarkedAsync(db, org)); // the seeded test data
            competency = await db.Competencies.Where(c => c.Code == "CSTF-IG-1").Select(c => c.Id).SingleAsync();
        }

        var nurse = app.Data.NurseB.Id;
        long first, older, sameDayLater;
        await using (var db = app.NewDbContext())
        {
            var a = New(app, nurse, competency, new DateOnly(2025, 6, 1));
            db.Completions.Add(a);
            await db.SaveChangesAsync();
            first = a.Id;
            Assert.True(a.IsLatest);
        }

        await using (var db = app.NewDbContext())
        {
            // An older completion recorded later does not take the marker...
            var b = New(app, nurse, competency, new DateOnly(2024, 6, 1));
            db.Completions.Add(b);
            await db.SaveChangesAsync();
            older = b.Id;
            // ...two in one save, the later day wins; on the same day the later record wins.
            var c = New(app, nurse, competency, new DateOnly(2025, 6, 1));
            var d = New(app, nurse, competency, new DateOnly(2025, 1, 1));
            db.Completions.AddRange(c, d);
            await db.SaveChangesAsync();
            sameDayLater = c.Id;
        }

        await using (var db = app.NewDbContext())
        {
            var marked = await db.Completions.Where(c => c.StaffMemberId == nurse && c.CompetencyId == competency && c.IsLatest).Select(c => c.Id).ToListAsync();
            Assert.Equal([sameDayLater], marked);
            Assert.NotEqual(first, sameDayLater);
            Assert.NotEqual(older, sameDayLater);
        }

        // Through the front door: recognised prior learning dated later moves the marker to it.
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var response = await compliance.PostAsJsonAsync($"/api/v1/people/{nurse}/prior-learning",
            new { competencyCode = "CSTF-IG-1", completedOn = "2026-02-20", source = "Northwick Park NHS Trust" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await using (var db = app.NewDbContext())
        {
            var latest = await db.Completions.Where(c => c.StaffMemberId == nurse && c.CompetencyId == competency && c.IsLatest).SingleAsync();
            Assert.Equal(new DateOnly(2026, 2, 20), latest.CompletedOn);
            Assert.Equal(CompletionSource.PriorLearning, latest.Source);
            Assert.Equal(await ExpectedAsync(db, org), await MarkedAsync(db, org));

            // Recomputing from the records (what the migration does for existing data) gives the same marks.
            await db.Completions.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsLatest, c => !c.IsLatest));
            await LatestCompletions.RepairAsync(db, org);
            Assert.Equal(await ExpectedAsync(db, org), await MarkedAsync(db, org));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrating_a_database_with_records_to_the_marker_backfills_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var org = app.Data.OrgA;
        await using var db = app.NewDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        var marker = migrations.FindIndex(m => m.EndsWith("_" + DatabaseMigrator.LatestMarkerMigration, StringComparison.Ordinal));
        Assert.True(marker > 0);

        // Back to the schema before the marker (the column goes), then forward the way `careready migrate` goes.
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[marker - 1]);
        await DatabaseMigrator.MigrateAsync(db);

        var expected = await ExpectedAsync(db, org);
        Assert.NotEmpty(expected); // the column came back false everywhere: only the backfill can mark these
        Assert.Equal(expected, await MarkedAsync(db, org));
    }
}
