using System.Net;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// The index rows' keys became hashes (ADR 0024). A store written by the earlier code — keys as text — must still be
/// found by every filter after migrating, whichever database computes the hash (SQL on PostgreSQL, the registered
/// function on SQLite), and a migration taken back and forward again keeps the keys it had.
/// </summary>
public class HashedRefKeyMigrationTests
{
    private const string OldMbox = "mailto:written-before@test.example";
    private const string OldActivity = "https://careready.example/activities/written-before-the-hash";
    private const string RoundTripMbox = "mailto:round-trip@test.example";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Statements_indexed_by_text_keys_are_found_by_every_filter_after_the_keys_are_hashed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var old = Lrs.Statement(OldMbox, activity: OldActivity);
        var roundTrip = Lrs.Statement(RoundTripMbox);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(old, roundTrip))).StatusCode);

        await using (var db = app.NewDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var hashed = migrations.FindIndex(m => m.EndsWith("_LrsHashedRefKeys", StringComparison.Ordinal));
            Assert.True(hashed > 0);
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[hashed - 1]);

            // The first statement's rows as the earlier code wrote them: its agent and activity as text.
            var seq = await db.XapiStatements.Where(s => s.StatementId == Guid.Parse(old["id"]!.GetValue<string>())).Select(s => s.Seq).SingleAsync();
            var org = app.Data.OrgA;
            var (agent, activity) = ((short)XapiRefKind.Agent, (short)XapiRefKind.Activity);
            await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "XapiStatementRefs" WHERE "Seq" = {seq}""");
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "XapiStatementRefs" ("OrganisationId", "Kind", "Key", "Seq") VALUES ({org}, {agent}, {"mbox:" + OldMbox}, {seq}), ({org}, {activity}, {OldActivity}, {seq})""");

            await DatabaseMigrator.MigrateAsync(db);
        }

        Assert.Equal([Id(old)], await IdsAsync(lrs, "/xapi/statements?agent=" + Lrs.Agent(OldMbox)));
        Assert.Equal([Id(old)], await IdsAsync(lrs, "/xapi/statements?activity=" + Uri.EscapeDataString(OldActivity)));
        Assert.Equal([Id(old)], await IdsAsync(lrs, "/xapi/statements?agent=" + Lrs.Agent(OldMbox) + "&activity=" + Uri.EscapeDataString(OldActivity)));
        Assert.Equal([Id(roundTrip)], await IdsAsync(lrs, "/xapi/statements?agent=" + Lrs.Agent(RoundTripMbox)));
        Assert.Empty(await IdsAsync(lrs, "/xapi/statements?agent=" + Lrs.Agent("mailto:nobody@test.example")));

        // Statements written now are found beside the migrated ones.
        var after = Lrs.Statement(OldMbox, activity: OldActivity);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, after)).StatusCode);
        Assert.Equal([Id(after), Id(old)], await IdsAsync(lrs, "/xapi/statements?activity=" + Uri.EscapeDataString(OldActivity)));
    }

    private static string Id(JsonObject statement) => statement["id"]!.GetValue<string>();

    private static async Task<List<string>> IdsAsync(HttpClient lrs, string url) =>
        (await Lrs.GetJsonAsync(lrs, url))["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
}
