using System.Net;
using System.Net.Http.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Audit;

/// <summary>`careready audit verify`, the real command as a process: passes an untouched trail, names a tampered or deleted entry.</summary>
public class AuditVerifyCliTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_passes_an_untouched_trail_and_names_an_edited_or_deleted_entry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/rules/{app.Data.FireRule.Id}",
            new { name = app.Data.FireRule.Name, competencyCode = "CSTF-FIRE-1", graceDays = 45 })).StatusCode);

        await using var db = app.NewDbContext();
        var chainA = await db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == app.Data.OrgA).OrderBy(e => e.Sequence).ToListAsync();
        var countB = await db.AuditEntries.CountAsync(e => e.OrganisationId == app.Data.OrgB);
        Assert.True(chainA.Count > 10, "the seed and the rule change should have written a trail");

        var intact = await CliRunner.RunAsync(app, null, "audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains($"RTA: {chainA.Count} entries, intact", intact.StdOut, StringComparison.Ordinal);
        Assert.Contains($"RTB: {countB} entries, intact", intact.StdOut, StringComparison.Ordinal);

        // Someone edits what a rule change recorded, straight in the database.
        var edited = chainA[^1];
        const string Forged = """{"GraceDays":90}""";
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {Forged} WHERE \"Id\" = {edited.Id}");

        var afterEdit = await CliRunner.RunAsync(app, null, "audit", "verify");
        Assert.True(afterEdit.ExitCode == 1, afterEdit.ToString());
        Assert.Contains($"RTA: BROKEN at entry {edited.Id} (sequence {edited.Sequence}): hash does not match its contents", afterEdit.StdOut, StringComparison.Ordinal);
        Assert.Contains($"RTB: {countB} entries, intact", afterEdit.StdOut, StringComparison.Ordinal);

        // Put it back, then delete an entry in the middle (before the edited one): the entry after the gap is named.
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {edited.After} WHERE \"Id\" = {edited.Id}");

        var middle = chainA[chainA.Count / 2];
        var next = chainA[(chainA.Count / 2) + 1];
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {middle.Id}");
        var afterDelete = await CliRunner.RunAsync(app, null, "audit", "verify");
        Assert.True(afterDelete.ExitCode == 1, afterDelete.ToString());
        Assert.Contains($"RTA: BROKEN at entry {next.Id} (sequence {next.Sequence}): the entry with sequence {middle.Sequence} before it is missing", afterDelete.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_notices_that_the_newest_entry_was_deleted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.NewDbContext();
        var newest = await db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == app.Data.OrgB).OrderByDescending(e => e.Sequence).FirstAsync();

        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {newest.Id}");

        var run = await CliRunner.RunAsync(app, null, "audit", "verify");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"RTB: BROKEN at entry ", run.StdOut, StringComparison.Ordinal);
        Assert.Contains($"the chain head records sequence {newest.Sequence} but the last entry is {newest.Sequence - 1} (the newest entries were deleted)", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("RTA: ", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("1 of 2 audit chain(s) broken.", run.StdErr, StringComparison.Ordinal);
    }
}
